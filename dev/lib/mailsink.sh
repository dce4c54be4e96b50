# shellcheck shell=bash
# An SMTP server that keeps what it is sent (Debian's python3-aiosmtpd, its Mailbox handler): alerts by e-mail reach it
# as they would a site's mail server. Two instances, like InfluxDB's: the platform's on 127.0.0.1:18025 and the tests'
# own on 127.0.0.1:18125 (MAIL_INSTANCE: "platform" or "tests"). Each mail is a file in the maildir's new/.

MAIL_INSTANCE=${MAIL_INSTANCE:-platform}

mail_port() { if [[ $MAIL_INSTANCE == tests ]]; then echo "$TEST_MAIL_PORT"; else echo "$MAIL_PORT"; fi; }
mail_dir() { if [[ $MAIL_INSTANCE == tests ]]; then echo "$LOLIGO_STATE/mailsink-tests"; else echo "$LOLIGO_STATE/mailsink"; fi; }
mail_ready() { (exec 3<>"/dev/tcp/127.0.0.1/$(mail_port)") 2>/dev/null; }

mailsink_up() {
  if mail_ready; then
    pid_alive "$(mail_dir)/aiosmtpd.pid" && return 0
    die "port $(mail_port), the SMTP sink's ($MAIL_INSTANCE), is taken by one this checkout did not start: another checkout's? (./dev/clean there)"
  fi
  local dir
  dir=$(mail_dir)
  mkdir -p "$dir"
  log "starting the SMTP sink ($MAIL_INSTANCE, 127.0.0.1:$(mail_port), mails under $dir/maildir/new)"
  # -n: no setuid to nobody; the handler makes the maildir itself, and fails every mail into an empty one it did not make
  nohup /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$(mail_port)" -c aiosmtpd.handlers.Mailbox "$dir/maildir" \
    >"$dir/aiosmtpd.log" 2>&1 &
  echo $! >"$dir/aiosmtpd.pid"
  wait_until 30 "the SMTP sink ($MAIL_INSTANCE)" mail_ready
}

mailsink_down() { stop_pidfile "$(mail_dir)/aiosmtpd.pid" "the SMTP sink ($MAIL_INSTANCE)"; }
