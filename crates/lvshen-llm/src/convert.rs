//! A CPU-friendly copy of a GGUF model (`*.cpu3.gguf`), made once and cached next to the
//! original; the original file stays untouched and verified.
//!
//! The published "Q4_K_M" 0.5B file is mostly Q5_0, for which candle has no vectorised
//! kernel (`shared/spec/model.md`). Layer matrices whose input width is not a multiple of 256
//! (Qwen2.5-0.5B's 896) are zero-padded to the next multiple — the k-quant kernels (ours in
//! `lvshen-kernels`, and candle's repacked ones) only take such widths; without them prefill
//! ran on candle's generic per-row path, 3× slower — and [`crate::qwen2`] pads the activations
//! to match (zeros add nothing to a dot
//! product). Padded, a Q5_0 matrix fits Q6_K: more precision than the source and a quarter
//! fewer bytes per decoded token than Q8_0 (decode 41 → 48 tok/s on 2 cores, measured with
//! `lvshen bench llm`). Other slow types, and Q8_0 tensors that are only padded, become Q8_0.

use std::path::{Path, PathBuf};

use candle_core::Device;
use candle_core::quantized::{GgmlDType, QTensor, gguf_file};

use crate::LlmError;

/// Tensor types candle has no fast kernel for: requantised (Q6_K when the width allows).
fn slow_on_cpu(dtype: GgmlDType) -> bool {
    matches!(
        dtype,
        GgmlDType::Q5_0 | GgmlDType::Q5_1 | GgmlDType::Q4_0 | GgmlDType::Q4_1
    )
}

/// Width multiple the k-quant kernels need.
const PAD_TO: usize = 256;

/// Whether a tensor is a matrix to pad: a layer weight (not the embedding table, which is
/// only looked up, nor the output projection, which runs on one row per step) stored as
/// Q8_0 (after requantisation) with an input width that is not a multiple of [`PAD_TO`].
fn needs_padding(name: &str, dims: &[usize], dtype: GgmlDType) -> bool {
    name.starts_with("blk.")
        && name.ends_with(".weight")
        && dims.len() == 2
        && !dims[1].is_multiple_of(PAD_TO)
        && (dtype == GgmlDType::Q8_0 || slow_on_cpu(dtype))
}

/// Version of the copy's layout; a copy of another version is rebuilt.
const COPY_VERSION: &str = "cpu3";
/// Earlier layouts: `cpu` (Q8_0, unpadded), `cpu2` (Q8_0, padded).
const STALE_VERSIONS: [&str; 2] = ["cpu", "cpu2"];

/// Where the CPU-optimised copy of `path` is (or would be) kept.
pub fn copy_path(path: &Path) -> PathBuf {
    path.with_extension(format!("{COPY_VERSION}.gguf"))
}

/// Whether `path` would get a CPU-optimised copy (reads the header only); false when the
/// copy exists already.
pub fn copy_pending(path: &Path) -> bool {
    if copy_path(path).is_file() {
        return false;
    }
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    gguf_file::Content::read(&mut file).is_ok_and(|content| {
        content.tensor_infos.iter().any(|(name, t)| {
            slow_on_cpu(t.ggml_dtype) || needs_padding(name, t.shape.dims(), t.ggml_dtype)
        })
    })
}

/// The path of the CPU-optimised copy of `path`, creating it when needed. Returns `path`
/// itself when no tensor would change.
pub fn cpu_optimized(path: &Path) -> Result<PathBuf, LlmError> {
    let target = copy_path(path);
    if target.is_file() {
        return Ok(target);
    }
    // Copies of earlier layouts are stale.
    for old in STALE_VERSIONS {
        let _ = std::fs::remove_file(path.with_extension(format!("{old}.gguf")));
    }
    let io = |e: std::io::Error| LlmError::Io(format!("{}: {e}", path.display()));
    let mut file = std::fs::File::open(path).map_err(io)?;
    let content =
        gguf_file::Content::read(&mut file).map_err(|e| LlmError::Format(e.to_string()))?;
    if !content.tensor_infos.iter().any(|(name, t)| {
        slow_on_cpu(t.ggml_dtype) || needs_padding(name, t.shape.dims(), t.ggml_dtype)
    }) {
        return Ok(path.to_path_buf());
    }
    let device = Device::Cpu;
    let mut names: Vec<&String> = content.tensor_infos.keys().collect();
    names.sort();
    let mut tensors: Vec<(String, QTensor)> = Vec::with_capacity(names.len());
    for name in names {
        let tensor = content
            .tensor(&mut file, name, &device)
            .map_err(|e| LlmError::Format(format!("{name}: {e}")))?;
        let pad = needs_padding(name, tensor.shape().dims(), tensor.dtype());
        let tensor = if slow_on_cpu(tensor.dtype()) || pad {
            let runtime = |e: candle_core::Error| LlmError::Runtime(format!("{name}: {e}"));
            let mut dense = tensor.dequantize(&device).map_err(runtime)?;
            if pad {
                let width = dense.dim(1).map_err(runtime)?;
                dense = dense
                    .pad_with_zeros(1, 0, width.next_multiple_of(PAD_TO) - width)
                    .map_err(runtime)?;
            }
            // Once padded to a multiple of 256, a 5-bit (or 4-bit) matrix fits Q6_K: more
            // precision than the source, a quarter fewer bytes than Q8_0 per decoded token.
            let target = if slow_on_cpu(tensor.dtype()) && dense.dim(1).map_err(runtime)? % 256 == 0
            {
                GgmlDType::Q6K
            } else {
                GgmlDType::Q8_0
            };
            QTensor::quantize(&dense, target).map_err(runtime)?
        } else {
            tensor
        };
        tensors.push((name.clone(), tensor));
    }
    let mut metadata: Vec<(&str, &gguf_file::Value)> = content
        .metadata
        .iter()
        .map(|(k, v)| (k.as_str(), v))
        .collect();
    metadata.sort_by(|a, b| a.0.cmp(b.0));
    let tensor_refs: Vec<(&str, &QTensor)> = tensors.iter().map(|(n, t)| (n.as_str(), t)).collect();
    let partial = target.with_extension("partial");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&partial).map_err(io)?);
    gguf_file::write(&mut out, &metadata, &tensor_refs)
        .map_err(|e| LlmError::Runtime(e.to_string()))?;
    drop(out);
    std::fs::rename(&partial, &target).map_err(io)?;
    tracing::info!(from = %path.display(), to = %target.display(), "wrote CPU-optimised model copy");
    Ok(target)
}
