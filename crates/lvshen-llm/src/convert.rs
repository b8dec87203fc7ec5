//! A CPU-friendly copy of a GGUF model. The published "Q4_K_M" 0.5B file is mostly Q5_0,
//! for which candle has no vectorised kernel; requantising those tensors to Q8_0 (which has
//! one) roughly doubles decode speed (`shared/spec/model.md`). The copy is made once and
//! cached next to the original; the original file stays untouched and verified.

use std::path::{Path, PathBuf};

use candle_core::Device;
use candle_core::quantized::{GgmlDType, QTensor, gguf_file};

use crate::LlmError;

/// Tensor types that are requantised to Q8_0.
fn slow_on_cpu(dtype: GgmlDType) -> bool {
    matches!(
        dtype,
        GgmlDType::Q5_0 | GgmlDType::Q5_1 | GgmlDType::Q4_0 | GgmlDType::Q4_1
    )
}

/// The path of the CPU-optimised copy of `path`, creating it when needed. Returns `path`
/// itself when no tensor would change.
pub fn cpu_optimized(path: &Path) -> Result<PathBuf, LlmError> {
    let target = path.with_extension("cpu.gguf");
    if target.is_file() {
        return Ok(target);
    }
    let io = |e: std::io::Error| LlmError::Io(format!("{}: {e}", path.display()));
    let mut file = std::fs::File::open(path).map_err(io)?;
    let content =
        gguf_file::Content::read(&mut file).map_err(|e| LlmError::Format(e.to_string()))?;
    if !content
        .tensor_infos
        .values()
        .any(|t| slow_on_cpu(t.ggml_dtype))
    {
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
        let tensor = if slow_on_cpu(tensor.dtype()) {
            let dense = tensor
                .dequantize(&device)
                .map_err(|e| LlmError::Runtime(e.to_string()))?;
            QTensor::quantize(&dense, GgmlDType::Q8_0)
                .map_err(|e| LlmError::Runtime(format!("{name}: {e}")))?
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
