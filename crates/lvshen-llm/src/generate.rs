//! Generation with candle's quantized Qwen2: ChatML prompt, greedy or seeded sampling,
//! repetition penalty, stop tokens, token streaming, cancellation.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::qwen2::Qwen2;
use candle_core::Tensor;
use candle_core::quantized::gguf_file;
use candle_transformers::generation::{LogitsProcessor, Sampling};

use crate::LlmError;
use crate::tokenizer::GgufTokenizer;

/// Who says a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    System,
    User,
    Assistant,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::System => "system",
            Role::User => "user",
            Role::Assistant => "assistant",
        }
    }
}

/// A conversation to continue.
#[derive(Debug, Clone, Default)]
pub struct Chat {
    pub messages: Vec<(Role, String)>,
}

impl Chat {
    /// A one-turn chat with an optional system message.
    pub fn single(system: Option<&str>, user: &str) -> Self {
        let mut messages = Vec::new();
        if let Some(system) = system {
            messages.push((Role::System, system.to_owned()));
        }
        messages.push((Role::User, user.to_owned()));
        Chat { messages }
    }
}

/// How to generate.
#[derive(Debug, Clone)]
pub struct GenerationParams {
    pub max_tokens: usize,
    /// 0 or less: greedy.
    pub temperature: f64,
    pub top_p: Option<f64>,
    pub repeat_penalty: f32,
    pub repeat_last_n: usize,
    pub seed: u64,
    /// Stop at end-of-turn tokens (off only for benchmarks that need a fixed length).
    pub stop_at_eos: bool,
}

impl Default for GenerationParams {
    fn default() -> Self {
        GenerationParams {
            max_tokens: 512,
            temperature: 0.0,
            top_p: None,
            repeat_penalty: 1.1,
            repeat_last_n: 64,
            seed: 299_792_458,
            stop_at_eos: true,
        }
    }
}

/// What a generation cost.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct GenerationStats {
    pub prompt_tokens: usize,
    pub generated_tokens: usize,
    /// Prompt tokens whose keys and values were reused from the previous call.
    pub reused_tokens: usize,
    pub prefill_seconds: f64,
    pub decode_seconds: f64,
    /// Why it stopped: `eos`, `max_tokens`, `cancelled`.
    pub stop: String,
}

impl GenerationStats {
    /// Prompt tokens computed per second (reused ones not counted).
    pub fn prefill_tps(&self) -> f64 {
        (self.prompt_tokens - self.reused_tokens) as f64 / self.prefill_seconds.max(1e-9)
    }
    /// Generated tokens per second (after the first).
    pub fn decode_tps(&self) -> f64 {
        self.generated_tokens.saturating_sub(1) as f64 / self.decode_seconds.max(1e-9)
    }
}

/// A GGUF model loaded in memory, with its tokenizer.
pub struct LocalModel {
    weights: Qwen2,
    /// Token ids whose keys and values are in the model's cache, in order.
    cached: Vec<u32>,
    tokenizer: GgufTokenizer,
    stop_ids: Vec<u32>,
    context_length: usize,
    /// Seconds the load took.
    pub load_seconds: f64,
}

impl std::fmt::Debug for LocalModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalModel")
            .field("context_length", &self.context_length)
            .field("stop_ids", &self.stop_ids)
            .finish()
    }
}

impl LocalModel {
    /// Loads a GGUF file (architecture qwen2).
    pub fn load(path: &Path) -> Result<Self, LlmError> {
        let started = Instant::now();
        let mut file = std::fs::File::open(path)
            .map_err(|e| LlmError::Io(format!("{}: {e}", path.display())))?;
        let content = gguf_file::Content::read(&mut file)
            .map_err(|e| LlmError::Format(format!("{}: {e}", path.display())))?;
        let architecture = content
            .metadata
            .get("general.architecture")
            .and_then(|v| v.to_string().ok())
            .cloned()
            .unwrap_or_default();
        if architecture != "qwen2" {
            return Err(LlmError::Format(format!(
                "architecture {architecture:?} is not supported yet (qwen2 is)"
            )));
        }
        let context_length = content
            .metadata
            .get("qwen2.context_length")
            .and_then(|v| v.to_u32().ok())
            .unwrap_or(32_768) as usize;
        let tokenizer = GgufTokenizer::from_gguf(&content)?;
        let weights =
            Qwen2::load(path, &content).map_err(|e| LlmError::Format(format!("weights: {e}")))?;
        let mut stop_ids = Vec::new();
        for token in ["<|im_end|>", "<|endoftext|>"] {
            if let Ok(id) = tokenizer.special(token) {
                stop_ids.push(id);
            }
        }
        if let Some(eos) = tokenizer.eos.filter(|eos| !stop_ids.contains(eos)) {
            stop_ids.push(eos);
        }
        Ok(LocalModel {
            weights,
            cached: Vec::new(),
            tokenizer,
            stop_ids,
            context_length,
            load_seconds: started.elapsed().as_secs_f64(),
        })
    }

    /// Tokens the model accepts, prompt and reply together.
    pub fn context_length(&self) -> usize {
        self.context_length
    }

    /// The tokenizer.
    pub fn tokenizer(&self) -> &GgufTokenizer {
        &self.tokenizer
    }

    /// The ChatML prompt ids: template pieces as control tokens, message text as plain text.
    pub fn prompt_ids(&self, chat: &Chat) -> Result<Vec<u32>, LlmError> {
        let start = self.tokenizer.special("<|im_start|>")?;
        let end = self.tokenizer.special("<|im_end|>")?;
        let mut ids = Vec::new();
        for (role, text) in &chat.messages {
            ids.push(start);
            ids.extend(self.tokenizer.encode_text(&format!("{}\n", role.name()))?);
            ids.extend(self.tokenizer.encode_text(text)?);
            ids.push(end);
            ids.extend(self.tokenizer.encode_text("\n")?);
        }
        ids.push(start);
        ids.extend(self.tokenizer.encode_text("assistant\n")?);
        Ok(ids)
    }

    /// Generates a reply, calling `on_text` with each new piece of text as it is decoded.
    pub fn generate(
        &mut self,
        chat: &Chat,
        params: &GenerationParams,
        cancel: &AtomicBool,
        on_text: &mut dyn FnMut(&str),
    ) -> Result<(String, GenerationStats), LlmError> {
        let prompt = self.prompt_ids(chat)?;
        if prompt.len() + params.max_tokens > self.context_length {
            return Err(LlmError::TooLong {
                tokens: prompt.len() + params.max_tokens,
                limit: self.context_length,
            });
        }
        let sampling = if params.temperature <= 0.0 {
            Sampling::ArgMax
        } else {
            match params.top_p {
                Some(p) => Sampling::TopP {
                    p,
                    temperature: params.temperature,
                },
                None => Sampling::All {
                    temperature: params.temperature,
                },
            }
        };
        let mut processor = LogitsProcessor::from_sampling(params.seed, sampling);
        let mut stats = GenerationStats {
            prompt_tokens: prompt.len(),
            ..GenerationStats::default()
        };
        let started = Instant::now();
        let (logits, reused) = self.prefill(&prompt, cancel)?;
        stats.reused_tokens = reused;
        let mut next = processor.sample(&logits).map_err(candle)?;
        stats.prefill_seconds = started.elapsed().as_secs_f64();
        let decode_started = Instant::now();
        let mut generated: Vec<u32> = Vec::new();
        let mut emitted = String::new();
        stats.stop = "max_tokens".to_owned();
        for index in 0..params.max_tokens {
            if params.stop_at_eos && self.stop_ids.contains(&next) {
                stats.stop = "eos".to_owned();
                break;
            }
            generated.push(next);
            // Emit only complete characters: a multi-byte character may span tokens.
            let text = self.tokenizer.decode(&generated)?;
            if !text.ends_with('\u{FFFD}')
                && text.len() > emitted.len()
                && text.starts_with(&emitted)
            {
                on_text(&text[emitted.len()..]);
                emitted = text;
            }
            if cancel.load(Ordering::Relaxed) {
                stats.stop = "cancelled".to_owned();
                break;
            }
            if index + 1 == params.max_tokens {
                break;
            }
            let logits = self.step(next)?;
            let logits = if params.repeat_penalty == 1.0 {
                logits
            } else {
                let from = generated.len().saturating_sub(params.repeat_last_n);
                candle_transformers::utils::apply_repeat_penalty(
                    &logits,
                    params.repeat_penalty,
                    &generated[from..],
                )
                .map_err(candle)?
            };
            next = processor.sample(&logits).map_err(candle)?;
        }
        stats.generated_tokens = generated.len();
        stats.decode_seconds = decode_started.elapsed().as_secs_f64();
        let text = self.tokenizer.decode(&generated)?;
        if text.len() > emitted.len() && text.starts_with(&emitted) {
            on_text(&text[emitted.len()..]);
        }
        Ok((text, stats))
    }
}

impl LocalModel {
    /// Runs the prompt through the model, reusing the cached positions it shares with the
    /// previous prompt (the fixed system prompt, an earlier turn), in chunks of
    /// [`PREFILL_CHUNK`] tokens so attention scores stay small and cancellation is honoured
    /// between chunks. Returns the logits of the last prompt position.
    fn prefill(
        &mut self,
        prompt: &[u32],
        cancel: &AtomicBool,
    ) -> Result<(Tensor, usize), LlmError> {
        let mut shared = self
            .cached
            .iter()
            .zip(prompt)
            .take_while(|(a, b)| a == b)
            .count()
            .min(self.weights.cached_len());
        // The last prompt position must be run to get its logits.
        if shared == prompt.len() {
            shared -= 1;
        }
        self.weights.truncate_cache(shared);
        self.cached.truncate(shared);
        let mut logits = None;
        for chunk in prompt[shared..].chunks(PREFILL_CHUNK) {
            if cancel.load(Ordering::Relaxed) && logits.is_some() {
                return Err(LlmError::Cancelled);
            }
            logits = Some(self.run(chunk)?);
        }
        logits
            .map(|l| (l, shared))
            .ok_or_else(|| LlmError::Runtime("empty prompt".to_owned()))
    }

    /// Positions (prompt and generated tokens) whose keys and values are cached.
    pub fn cached_tokens(&self) -> usize {
        self.cached.len()
    }

    /// Forgets the cached prompt, so the next generation computes every position (benchmarks).
    pub fn reset_cache(&mut self) {
        self.weights.truncate_cache(0);
        self.cached.clear();
    }

    /// One decoding step.
    fn step(&mut self, id: u32) -> Result<Tensor, LlmError> {
        self.run(&[id])
    }

    fn run(&mut self, ids: &[u32]) -> Result<Tensor, LlmError> {
        match self.weights.forward(ids) {
            Ok(logits) => {
                self.cached.extend_from_slice(ids);
                Ok(logits)
            }
            Err(e) => {
                // The cache may hold part of this call: forget everything after the last
                // known-good position.
                let good = self.cached.len();
                self.weights.truncate_cache(good);
                Err(candle(e))
            }
        }
    }
}

/// Prompt tokens run per forward pass during prefill. Measured with `lvshen bench llm` on
/// 2 cores (1,537-token prompt): 512 → 172 tok/s, 256 → 197, 128 → 215, 64 → 204; smaller
/// chunks also keep the attention scores, and so peak memory, small.
const PREFILL_CHUNK: usize = 128;

fn candle(e: candle_core::Error) -> LlmError {
    LlmError::Runtime(e.to_string())
}
