//! The tokenizer, built from the GGUF file itself: byte-level BPE from
//! `tokenizer.ggml.tokens` and `tokenizer.ggml.merges`, Qwen2's split regex, and the control
//! tokens (`token_type` 3) as special tokens. No normalizer, as llama.cpp.
//!
//! User text is encoded by a second tokenizer that knows no special tokens, so a user who
//! types `<|im_end|>` gets the characters, never the control token.

use std::collections::HashMap;

use candle_core::quantized::gguf_file;
use tokenizers::decoders::byte_level::ByteLevel as ByteLevelDecoder;
use tokenizers::models::bpe::BPE;
use tokenizers::pre_tokenizers::byte_level::ByteLevel;
use tokenizers::pre_tokenizers::sequence::Sequence;
use tokenizers::pre_tokenizers::split::{Split, SplitPattern};
use tokenizers::{AddedToken, SplitDelimiterBehavior, Tokenizer};

use crate::LlmError;

/// Qwen2's pre-tokenizer pattern (`tokenizer.ggml.pre = qwen2`).
pub const QWEN2_PATTERN: &str = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

/// The two tokenizers and the ids of the control tokens.
pub struct GgufTokenizer {
    /// Knows the special tokens: for decoding and for template pieces.
    full: Tokenizer,
    /// Knows only the BPE vocabulary: for user text.
    plain: Tokenizer,
    specials: HashMap<String, u32>,
    /// End-of-sequence id from the metadata.
    pub eos: Option<u32>,
}

impl std::fmt::Debug for GgufTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GgufTokenizer")
            .field("specials", &self.specials.len())
            .field("eos", &self.eos)
            .finish()
    }
}

fn strings(content: &gguf_file::Content, key: &str) -> Result<Vec<String>, LlmError> {
    let value = content
        .metadata
        .get(key)
        .ok_or_else(|| LlmError::Format(format!("{key} missing from GGUF metadata")))?;
    let items = value
        .to_vec()
        .map_err(|e| LlmError::Format(format!("{key}: {e}")))?;
    items
        .iter()
        .map(|v| {
            v.to_string()
                .map(|s| s.to_owned())
                .map_err(|e| LlmError::Format(format!("{key}: {e}")))
        })
        .collect()
}

impl GgufTokenizer {
    /// Builds the tokenizer from a GGUF file's metadata.
    pub fn from_gguf(content: &gguf_file::Content) -> Result<Self, LlmError> {
        let model = content
            .metadata
            .get("tokenizer.ggml.model")
            .and_then(|v| v.to_string().ok())
            .cloned()
            .unwrap_or_default();
        if model != "gpt2" {
            return Err(LlmError::Format(format!(
                "tokenizer.ggml.model = {model:?}: only byte-level BPE (gpt2) is supported"
            )));
        }
        let tokens = strings(content, "tokenizer.ggml.tokens")?;
        let merges: Vec<(String, String)> = strings(content, "tokenizer.ggml.merges")?
            .into_iter()
            .filter_map(|m| m.split_once(' ').map(|(a, b)| (a.to_owned(), b.to_owned())))
            .collect();
        let types: Vec<i32> = match content.metadata.get("tokenizer.ggml.token_type") {
            Some(v) => v
                .to_vec()
                .map_err(|e| LlmError::Format(e.to_string()))?
                .iter()
                .map(|t| t.to_i32().unwrap_or(1))
                .collect(),
            None => vec![1; tokens.len()],
        };
        let vocab: HashMap<String, u32> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i as u32))
            .collect();
        let build = |with_specials: bool| -> Result<Tokenizer, LlmError> {
            let bpe = BPE::builder()
                .vocab_and_merges(
                    vocab
                        .iter()
                        .map(|(k, v)| (k.clone(), *v))
                        .collect::<tokenizers::models::bpe::Vocab>(),
                    merges.clone(),
                )
                .build()
                .map_err(|e| LlmError::Format(format!("BPE: {e}")))?;
            let mut tokenizer = Tokenizer::new(bpe);
            let split = Split::new(
                SplitPattern::Regex(QWEN2_PATTERN.to_owned()),
                SplitDelimiterBehavior::Isolated,
                false,
            )
            .map_err(|e| LlmError::Format(format!("pre-tokenizer: {e}")))?;
            tokenizer.with_pre_tokenizer(Some(Sequence::new(vec![
                split.into(),
                ByteLevel::new(false, false, false).into(),
            ])));
            tokenizer.with_decoder(Some(ByteLevelDecoder::default()));
            if with_specials {
                let specials: Vec<AddedToken> = tokens
                    .iter()
                    .zip(&types)
                    .filter(|(_, t)| **t == 3)
                    .map(|(tok, _)| AddedToken::from(tok.clone(), true))
                    .collect();
                tokenizer
                    .add_special_tokens(specials)
                    .map_err(|e| LlmError::Tokenizer(e.to_string()))?;
            }
            Ok(tokenizer)
        };
        let specials = tokens
            .iter()
            .zip(&types)
            .enumerate()
            .filter(|(_, (_, t))| **t == 3)
            .map(|(i, (tok, _))| (tok.clone(), i as u32))
            .collect();
        let eos = content
            .metadata
            .get("tokenizer.ggml.eos_token_id")
            .and_then(|v| v.to_u32().ok());
        Ok(GgufTokenizer {
            full: build(true)?,
            plain: build(false)?,
            specials,
            eos,
        })
    }

    /// Ids of user or document text: special-token strings stay plain text.
    pub fn encode_text(&self, text: &str) -> Result<Vec<u32>, LlmError> {
        let encoding = self
            .plain
            .encode(text, false)
            .map_err(|e| LlmError::Tokenizer(e.to_string()))?;
        Ok(encoding.get_ids().to_vec())
    }

    /// The id of a control token such as `<|im_start|>`.
    pub fn special(&self, token: &str) -> Result<u32, LlmError> {
        self.specials
            .get(token)
            .copied()
            .ok_or_else(|| LlmError::Format(format!("control token {token} not in the vocabulary")))
    }

    /// Text of ids; control tokens are skipped.
    pub fn decode(&self, ids: &[u32]) -> Result<String, LlmError> {
        self.full
            .decode(ids, true)
            .map_err(|e| LlmError::Tokenizer(e.to_string()))
    }

    /// Vocabulary size.
    pub fn vocab_size(&self) -> usize {
        self.full.get_vocab_size(true)
    }
}
