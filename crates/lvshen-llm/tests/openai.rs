//! The OpenAI-compatible backend. A real server (vLLM, llama.cpp's) cannot run in CI, so
//! most tests talk to a stand-in that replays a stream recorded from llama.cpp's server
//! (llama-cpp-python 0.3.36, `tests/openai_stream.txt`). Set `LVSHEN_TEST_OPENAI_URL`
//! (e.g. `http://127.0.0.1:8765/v1`) and `LVSHEN_TEST_OPENAI_MODEL` to also run against a
//! real server; without them that test says it was skipped.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::atomic::AtomicBool;

use lvshen_llm::{Backend, Chat, GenerationParams, LlmError, OpenAiBackend, OpenAiConfig};

/// Serves one request with `status` and `body`; returns the URL and the received request body.
fn serve_once(
    status: &'static str,
    content_type: &'static str,
    body: String,
) -> (String, std::thread::JoinHandle<serde_json::Value>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/v1", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut length = 0;
        let mut line = String::new();
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap();
            }
        }
        let mut request = vec![0u8; length];
        reader.read_exact(&mut request).unwrap();
        let mut stream = stream;
        write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        serde_json::from_slice(&request).unwrap()
    });
    (url, handle)
}

fn config(url: &str, model: &str) -> OpenAiConfig {
    OpenAiConfig {
        base_url: url.to_owned(),
        model: model.to_owned(),
        api_key_env: None,
        context_length: None,
        timeout_seconds: Some(30),
    }
}

#[test]
fn streams_a_recorded_reply_and_sends_the_chat() {
    let recorded = include_str!("openai_stream.txt").to_owned();
    let (url, request) = serve_once("200 OK", "text/event-stream", recorded);
    let backend = OpenAiBackend::new(config(&url, "qwen05")).unwrap();
    let chat = Chat::single(
        Some("只根据资料回答。"),
        "资料：烟囱高度35米。问题：烟囱多高？",
    );
    let mut pieces = Vec::new();
    let (text, stats) = backend
        .generate(
            &chat,
            &GenerationParams {
                max_tokens: 12,
                ..GenerationParams::default()
            },
            &AtomicBool::new(false),
            &mut |p| pieces.push(p.to_owned()),
        )
        .unwrap();
    assert_eq!(text, "35米");
    assert_eq!(pieces.concat(), text);
    assert!(pieces.len() >= 2, "streamed in pieces: {pieces:?}");
    assert_eq!(stats.stop, "eos");
    let request = request.join().unwrap();
    assert_eq!(request["model"], "qwen05");
    assert_eq!(request["stream"], true);
    assert_eq!(request["max_tokens"], 12);
    assert_eq!(request["messages"][0]["role"], "system");
    assert_eq!(
        request["messages"][1]["content"],
        "资料：烟囱高度35米。问题：烟囱多高？"
    );
}

#[test]
fn a_server_error_is_reported_with_its_status() {
    let (url, _request) = serve_once(
        "503 Service Unavailable",
        "application/json",
        r#"{"error":{"message":"model is loading"}}"#.to_owned(),
    );
    let backend = OpenAiBackend::new(config(&url, "m")).unwrap();
    let err = backend
        .generate(
            &Chat::single(None, "你好"),
            &GenerationParams::default(),
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .unwrap_err();
    assert!(matches!(err, LlmError::Remote(_)));
    let message = err.to_string();
    assert!(
        message.contains("503") && message.contains("model is loading"),
        "{message}"
    );
}

#[test]
fn bad_settings_are_refused_before_connecting() {
    let err = OpenAiBackend::new(config("10.0.0.5:8000/v1", "m")).unwrap_err();
    assert!(err.to_string().contains("base_url"), "{err}");
    let mut with_key = config("http://127.0.0.1:1/v1", "m");
    with_key.api_key_env = Some("LVSHEN_TEST_SURELY_UNSET_KEY".to_owned());
    let err = OpenAiBackend::new(with_key).unwrap_err();
    assert!(
        err.to_string().contains("LVSHEN_TEST_SURELY_UNSET_KEY"),
        "{err}"
    );
    // Nothing listens on port 1: a clear connection error, not a hang or a panic.
    let backend = OpenAiBackend::new(config("http://127.0.0.1:1/v1", "m")).unwrap();
    let err = backend
        .generate(
            &Chat::single(None, "你好"),
            &GenerationParams::default(),
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .unwrap_err();
    assert!(err.to_string().contains("127.0.0.1:1"), "{err}");
}

#[test]
fn a_real_server_answers_from_the_given_fact() {
    let (Ok(url), Ok(model)) = (
        std::env::var("LVSHEN_TEST_OPENAI_URL"),
        std::env::var("LVSHEN_TEST_OPENAI_MODEL"),
    ) else {
        eprintln!("skipped: LVSHEN_TEST_OPENAI_URL / LVSHEN_TEST_OPENAI_MODEL not set");
        return;
    };
    let backend = OpenAiBackend::new(config(&url, &model)).unwrap();
    let (text, stats) = backend
        .generate(
            &Chat::single(
                None,
                "资料：示例园区污水处理厂要求纳管废水总氮不超过37 mg/L。问题：纳管废水总氮限值是多少？",
            ),
            &GenerationParams {
                max_tokens: 48,
                ..GenerationParams::default()
            },
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .unwrap();
    assert!(text.contains("37"), "{text}");
    assert!(stats.prompt_tokens > 0, "usage reported: {stats:?}");
}
