mod api;
mod dst;
mod vs_chrono_tz;
