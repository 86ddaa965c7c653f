// A CONNECT proxy that puts the fixture server under the real hostnames for Firefox.
//
// Chromium maps names to the fixture server's port itself (--host-resolver-rules, lib/browser.mjs).
// Firefox can only resolve names (network.dns.localDomains / forceResolve) and then connects to
// port 443, which needs root and is shared by every test process on the machine. A proxy needs
// neither: Firefox sends `CONNECT x.com:443` to it (the name is not resolved locally when a proxy
// is set), and the proxy pipes the tunnel to the fixture server, which still sees the TLS SNI
// and Host of the real name. Every test process has its own proxy on a free port, so test files
// may run in parallel. Any other destination (Firefox's own update and telemetry hosts, a typo
// in a test) is refused: the tests never touch the network.
import http from 'node:http';
import net from 'node:net';
import { HOSTS } from './server.mjs';

/**
 * @param {number} targetPort the fixture server's port on 127.0.0.1
 * @returns {Promise<{ port: number, refused: string[], close(): Promise<void> }>}
 */
export async function startConnectProxy(targetPort) {
  const refused = [];
  const sockets = new Set();
  const proxy = http.createServer((req, res) => res.writeHead(405, { 'content-type': 'text/plain' }).end('CONNECT only'));
  proxy.on('connect', (req, client, head) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const m = /^([a-z0-9.-]+):443$/i.exec(req.url ?? '');
    if (!m || !Object.hasOwn(HOSTS, m[1].toLowerCase())) {
      refused.push(req.url);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head?.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: proxy.address().port,
    refused,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => proxy.close(() => resolve()));
    },
  };
}
