//! Reading in a worker subprocess: the parsers (zip, XML, PDF) run on untrusted bytes, so a
//! crash, a hang or a memory blow-up must cost one worker, never the server. The worker is
//! the `lvshen` binary itself (a hidden subcommand calling [`run_worker`]).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Document, IntakeError};

/// How to start a worker: a program and the arguments before `<memory> <file>`.
#[derive(Debug, Clone)]
pub struct Worker {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub time: Duration,
    /// Address-space limit, bytes.
    pub memory: u64,
}

/// The worker's body: limit own memory, read, print the JSON result. Returns the exit code.
pub fn run_worker(path: &Path, memory: u64) -> i32 {
    let _ = rlimit::setrlimit(rlimit::Resource::AS, memory, memory);
    std::panic::set_hook(Box::new(|_| {}));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let result: Result<Document, IntakeError> = match std::fs::read(path) {
        Ok(bytes) => crate::read_bytes(&name, &bytes),
        Err(e) => Err(IntakeError::Worker {
            what: format!("无法读取文件：{e}"),
        }),
    };
    match serde_json::to_string(&result) {
        Ok(json) => {
            println!("{json}");
            0
        }
        Err(_) => 3,
    }
}

/// Reads a file in a worker with the limits.
pub fn read_in_worker(worker: &Worker, path: &Path) -> Result<Document, IntakeError> {
    let mut child = Command::new(&worker.program)
        .args(&worker.args)
        .arg(worker.memory.to_string())
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| IntakeError::Worker {
            what: format!("无法启动读取进程：{e}"),
        })?;
    let mut stdout = child.stdout.take().ok_or_else(|| IntakeError::Worker {
        what: "读取进程没有输出".to_owned(),
    })?;
    let reader = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = stdout.read_to_end(&mut buffer);
        buffer
    });
    let deadline = Instant::now() + worker.time;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(IntakeError::TooLarge {
                    what: format!(
                        "读取超过 {} 秒仍未完成，已中止（文件过大或结构异常）",
                        worker.time.as_secs()
                    ),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => {
                return Err(IntakeError::Worker {
                    what: format!("等待读取进程失败：{e}"),
                });
            }
        }
    };
    let buffer = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(IntakeError::Worker {
            what: match status.code() {
                Some(code) => format!(
                    "读取进程异常退出（代码 {code}，多为内存超过 {} MB 上限）",
                    worker.memory >> 20
                ),
                None => format!(
                    "读取进程被终止（崩溃、栈溢出或内存超过 {} MB 上限），文件可能已损坏或被构造为攻击",
                    worker.memory >> 20
                ),
            },
        });
    }
    serde_json::from_slice::<Result<Document, IntakeError>>(&buffer).map_err(|e| {
        IntakeError::Worker {
            what: format!("读取进程输出无法解析：{e}"),
        }
    })?
}
