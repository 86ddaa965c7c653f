mod vs_chrono_tz;
