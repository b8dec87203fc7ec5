//! `lvshen serve` against slow clients (red-team problem 12): a connection that trickles its
//! request headers is closed by the server's header-read timeout (20 s) instead of being held
//! open forever, and an ordinary request is still answered meanwhile.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    Some(out)
}

#[test]
fn a_trickling_client_is_disconnected_and_others_are_served() {
    let data = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_lvshen"))
            .args([
                "serve",
                "--no-model",
                "--addr",
                &format!("127.0.0.1:{port}"),
            ])
            .env("LVSHEN_DATA_DIR", data.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("lvshen serve starts"),
    );
    // The first start indexes the shipped corpus.
    let started = Instant::now();
    while get(port, "/login").is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "server did not start"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
    let mut slow = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    slow.set_read_timeout(Some(Duration::from_secs(1)))
        .expect("timeout");
    write!(slow, "GET / HTTP/1.1\r\n").expect("write");
    let opened = Instant::now();
    let mut closed_after = None;
    let mut buf = [0u8; 512];
    while opened.elapsed() < Duration::from_secs(40) {
        // One more header line every 2 s: never a complete request head.
        let _ = write!(slow, "X-Slow: {}\r\n", opened.elapsed().as_millis());
        match slow.read(&mut buf) {
            Ok(0) => {
                closed_after = Some(opened.elapsed());
                break;
            }
            Ok(_) => {
                // A 408 or similar before closing also ends the attempt.
                closed_after = Some(opened.elapsed());
                break;
            }
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => {
                closed_after = Some(opened.elapsed());
                break;
            }
        }
        // Meanwhile an ordinary client is served.
        if opened.elapsed() > Duration::from_secs(5) && opened.elapsed() < Duration::from_secs(7) {
            let page = get(port, "/login").expect("ordinary request answered");
            assert!(page.starts_with("HTTP/1.1 200"), "{page}");
        }
        std::thread::sleep(Duration::from_secs(1));
    }
    let after = closed_after.expect("the trickling connection was never closed");
    assert!(
        after < Duration::from_secs(35),
        "closed only after {after:?}"
    );
    eprintln!("trickling connection closed after {after:?}");
}
