//! Where generation runs: the local model ([`LocalBackend`]) or an OpenAI-compatible HTTP
//! server ([`OpenAiBackend`]: vLLM, llama.cpp's server…) for deployments that outgrow one
//! machine. Chosen in `lvshen.toml` ([`LlmConfig`]). [`crate::service::LlmService`] puts a
//! bounded queue and cancellation in front of either.

use std::io::{BufRead, BufReader};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::{Chat, GenerationParams, GenerationStats, LlmError, LocalModel, Role};

/// A text generator shared by all requests.
pub trait Backend: Send + Sync {
    /// A short description for logs and answers ("本地 qwen2.5-…", "http://…").
    fn describe(&self) -> String;
    /// Tokens the model accepts, prompt and reply together.
    fn context_length(&self) -> usize;
    /// Tokens `text` takes in a prompt (exact for the local model, an upper estimate
    /// for remote ones).
    fn count_tokens(&self, text: &str) -> Result<usize, LlmError>;
    /// Generates a reply, streaming text pieces to `on_text`; stops early when `cancel` is set.
    fn generate(
        &self,
        chat: &Chat,
        params: &GenerationParams,
        cancel: &AtomicBool,
        on_text: &mut dyn FnMut(&str),
    ) -> Result<(String, GenerationStats), LlmError>;
}

/// The local candle model. One model in memory; requests take turns.
#[derive(Debug)]
pub struct LocalBackend {
    model: Mutex<LocalModel>,
    name: String,
    context_length: usize,
}

impl LocalBackend {
    /// Wraps a loaded model.
    pub fn new(model: LocalModel, name: impl Into<String>) -> Self {
        LocalBackend {
            context_length: model.context_length(),
            model: Mutex::new(model),
            name: name.into(),
        }
    }

    /// The model, for direct use (tests, benchmarks); waits for a running generation.
    pub fn lock(&self) -> std::sync::MutexGuard<'_, LocalModel> {
        // A panic during an earlier generation leaves the model usable: its cache is
        // rebuilt from the next prompt.
        self.model.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Backend for LocalBackend {
    fn describe(&self) -> String {
        format!("本地模型 {}", self.name)
    }

    fn context_length(&self) -> usize {
        self.context_length
    }

    fn count_tokens(&self, text: &str) -> Result<usize, LlmError> {
        Ok(self.lock().tokenizer().encode_text(text)?.len())
    }

    fn generate(
        &self,
        chat: &Chat,
        params: &GenerationParams,
        cancel: &AtomicBool,
        on_text: &mut dyn FnMut(&str),
    ) -> Result<(String, GenerationStats), LlmError> {
        self.lock().generate(chat, params, cancel, on_text)
    }
}

/// Settings of the `[llm]` table of `lvshen.toml`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LlmConfig {
    /// `local` (default) or `openai`.
    #[serde(default)]
    pub backend: BackendKind,
    /// Local model: a catalogue name or a GGUF path.
    pub model: Option<String>,
    /// Requests that may wait for the model besides the one running; more get "busy".
    pub queue: Option<usize>,
    /// The OpenAI-compatible endpoint, when `backend = "openai"`.
    pub openai: Option<OpenAiConfig>,
}

/// Which backend generates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackendKind {
    #[default]
    Local,
    Openai,
}

/// `[llm.openai]`: an OpenAI-compatible chat completions endpoint.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenAiConfig {
    /// Base URL up to and including `/v1`, e.g. `http://10.0.0.5:8000/v1`.
    pub base_url: String,
    /// The model name the server expects.
    pub model: String,
    /// Environment variable holding the API key, if the server wants one.
    pub api_key_env: Option<String>,
    /// The model's context length in tokens (default 8192).
    pub context_length: Option<usize>,
    /// Seconds to wait for the whole reply (default 300).
    pub timeout_seconds: Option<u64>,
}

/// A remote OpenAI-compatible server, streamed with server-sent events.
#[derive(Debug)]
pub struct OpenAiBackend {
    config: OpenAiConfig,
    api_key: Option<String>,
    agent: ureq::Agent,
}

impl OpenAiBackend {
    /// Checks the settings (the URL's scheme, the key's variable) without connecting.
    pub fn new(config: OpenAiConfig) -> Result<Self, LlmError> {
        if !(config.base_url.starts_with("http://") || config.base_url.starts_with("https://")) {
            return Err(LlmError::Config(format!(
                "llm.openai.base_url 应以 http:// 或 https:// 开头，实际为“{}”",
                config.base_url
            )));
        }
        let api_key = match &config.api_key_env {
            Some(var) => Some(std::env::var(var).map_err(|_| {
                LlmError::Config(format!(
                    "llm.openai.api_key_env 指定的环境变量 {var} 未设置"
                ))
            })?),
            None => None,
        };
        let agent = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(
                config.timeout_seconds.unwrap_or(300),
            )))
            .http_status_as_error(false)
            .build()
            .into();
        Ok(OpenAiBackend {
            config,
            api_key,
            agent,
        })
    }

    fn url(&self) -> String {
        format!(
            "{}/chat/completions",
            self.config.base_url.trim_end_matches('/')
        )
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::System => "system",
        Role::User => "user",
        Role::Assistant => "assistant",
    }
}

impl Backend for OpenAiBackend {
    fn describe(&self) -> String {
        format!("{}（{}）", self.config.model, self.config.base_url)
    }

    fn context_length(&self) -> usize {
        self.config.context_length.unwrap_or(8192)
    }

    fn count_tokens(&self, text: &str) -> Result<usize, LlmError> {
        // Without the server's tokenizer: Qwen-style vocabularies spend at most about one
        // token per CJK character and one per 3 bytes of other text; round up.
        let cjk = text.chars().filter(|c| !c.is_ascii()).count();
        let other = text.chars().filter(char::is_ascii).count();
        Ok(cjk + other.div_ceil(3) + 1)
    }

    fn generate(
        &self,
        chat: &Chat,
        params: &GenerationParams,
        cancel: &AtomicBool,
        on_text: &mut dyn FnMut(&str),
    ) -> Result<(String, GenerationStats), LlmError> {
        let messages: Vec<serde_json::Value> = chat
            .messages
            .iter()
            .map(|(role, text)| serde_json::json!({"role": role_name(*role), "content": text}))
            .collect();
        let mut body = serde_json::json!({
            "model": self.config.model,
            "messages": messages,
            "max_tokens": params.max_tokens,
            "temperature": params.temperature,
            "stream": true,
            "seed": params.seed,
            "stream_options": {"include_usage": true},
        });
        if let Some(p) = params.top_p {
            body["top_p"] = serde_json::json!(p);
        }
        if params.repeat_penalty != 1.0 {
            // vLLM and llama.cpp's server both accept this extension.
            body["repetition_penalty"] = serde_json::json!(params.repeat_penalty);
        }
        let started = Instant::now();
        let mut request = self.agent.post(&self.url());
        if let Some(key) = &self.api_key {
            request = request.header("Authorization", &format!("Bearer {key}"));
        }
        let remote = |e: ureq::Error| LlmError::Remote(format!("{}: {e}", self.url()));
        let mut response = request.send_json(&body).map_err(remote)?;
        let status = response.status();
        if !status.is_success() {
            let text = response
                .body_mut()
                .read_to_string()
                .unwrap_or_default()
                .chars()
                .take(300)
                .collect::<String>();
            return Err(LlmError::Remote(format!(
                "{} 返回 HTTP {}：{text}",
                self.url(),
                status.as_u16()
            )));
        }
        let mut stats = GenerationStats {
            stop: "max_tokens".to_owned(),
            ..GenerationStats::default()
        };
        let mut text = String::new();
        let mut first_piece: Option<Instant> = None;
        let reader = BufReader::new(response.body_mut().as_reader());
        for line in reader.lines() {
            if cancel.load(Ordering::Relaxed) {
                stats.stop = "cancelled".to_owned();
                break;
            }
            let line = line.map_err(|e| LlmError::Remote(format!("读取流失败：{e}")))?;
            let Some(data) = line.strip_prefix("data:") else {
                continue;
            };
            let data = data.trim();
            if data == "[DONE]" {
                break;
            }
            let event: serde_json::Value = serde_json::from_str(data)
                .map_err(|e| LlmError::Remote(format!("无法解析服务器事件：{e}：{data}")))?;
            if let Some(message) = event.pointer("/error/message").and_then(|m| m.as_str()) {
                return Err(LlmError::Remote(message.to_owned()));
            }
            let choice = &event["choices"][0];
            if let Some(piece) = choice
                .pointer("/delta/content")
                .and_then(|c| c.as_str())
                .filter(|p| !p.is_empty())
            {
                first_piece.get_or_insert_with(Instant::now);
                stats.generated_tokens += 1;
                text.push_str(piece);
                on_text(piece);
            }
            match choice["finish_reason"].as_str() {
                Some("stop") => stats.stop = "eos".to_owned(),
                Some("length") => stats.stop = "max_tokens".to_owned(),
                _ => {}
            }
            if let Some(usage) = event.get("usage").filter(|u| !u.is_null()) {
                if let Some(n) = usage["prompt_tokens"].as_u64() {
                    stats.prompt_tokens = n as usize;
                }
                if let Some(n) = usage["completion_tokens"].as_u64() {
                    stats.generated_tokens = n as usize;
                }
            }
        }
        if stats.prompt_tokens == 0 {
            // Servers that do not report usage in streams (llama-cpp-python): estimate.
            let mut estimate = 0;
            for (_, text) in &chat.messages {
                estimate += self.count_tokens(text)? + 4;
            }
            stats.prompt_tokens = estimate;
        }
        let first = first_piece.unwrap_or_else(Instant::now);
        stats.prefill_seconds = first.duration_since(started).as_secs_f64();
        stats.decode_seconds = first.elapsed().as_secs_f64();
        Ok((text, stats))
    }
}
