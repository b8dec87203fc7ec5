//! Quantized matrix products for the local model, on x86-64 CPUs with AVX-512 VNNI.
//!
//! Why this crate exists (issue 4, profile in the note): candle 0.11's CPU path keeps two
//! copies of every repacked weight (the GGUF blocks and its tiles), and its Q4_K tile stores
//! the per-sub-block scales as `f32`, a third more bytes per weight than the GGUF block on a
//! decode step that is bound by memory bandwidth. Here each weight matrix is held **once**, in
//! a layout as compact as the GGUF block:
//!
//! - Q4_K: 148 bytes per 256 weights (GGUF: 144) — nibbles rearranged so that one 64-byte
//!   load yields 64 consecutive weights, the 6-bit scales and mins unpacked to bytes;
//! - Q6_K: the GGUF block itself (210 bytes per 256), whose layout already suits the kernel;
//! - Q8_0: pairs of blocks, quants offset to unsigned, 68 bytes per 64 weights (GGUF: 68).
//!
//! Activations are quantized once per product to 8 bits (per 256 values for the k-quants,
//! per 32 for Q8_0, like llama.cpp's `Q8_K` / `Q8_0`), and the dot products run on
//! `vpdpbusd` (unsigned weights × signed activations). Rows are split over candle's own
//! thread pool, so the model's other operations and these products never compete for the two
//! cores with a second pool.
//!
//! Use [`available`] to ask whether this CPU can run the kernels; when it cannot (or for a
//! weight type not listed), callers keep candle's kernels.

mod act;
#[cfg(target_arch = "x86_64")]
mod x86;

use std::fmt;

pub use act::Activations;

/// Weight types the kernels take (GGUF names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 4-bit k-quant: super-blocks of 256 with 6-bit scales and mins.
    Q4K,
    /// 6-bit k-quant: super-blocks of 256 with 8-bit scales.
    Q6K,
    /// 8-bit, blocks of 32 with an f16 scale.
    Q8_0,
}

impl Kind {
    /// Weights per GGUF block.
    pub fn block_values(self) -> usize {
        match self {
            Kind::Q4K | Kind::Q6K => 256,
            Kind::Q8_0 => 32,
        }
    }

    /// Bytes per GGUF block.
    pub fn block_bytes(self) -> usize {
        match self {
            Kind::Q4K => 144,
            Kind::Q6K => 210,
            Kind::Q8_0 => 34,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Q4K => "Q4_K",
            Kind::Q6K => "Q6_K",
            Kind::Q8_0 => "Q8_0",
        })
    }
}

/// What can go wrong building or using a packed matrix.
#[derive(Debug, thiserror::Error)]
pub enum KernelError {
    #[error("this CPU lacks AVX-512 VNNI; the quantized kernels cannot run here")]
    Unavailable,
    #[error("{kind} matrix ({n} × {k}): the width must be a multiple of {block}")]
    Width {
        kind: Kind,
        n: usize,
        k: usize,
        block: usize,
    },
    #[error("{kind} matrix ({n} × {k}) needs {expected} bytes, got {got}")]
    Bytes {
        kind: Kind,
        n: usize,
        k: usize,
        expected: usize,
        got: usize,
    },
    #[error("activations have {got} values per row, more than the matrix width {k}")]
    Input { got: usize, k: usize },
    #[error("matrices of one product must share their width ({a} ≠ {b})")]
    Mixed { a: usize, b: usize },
}

/// Whether this CPU runs the kernels (AVX-512 F/BW/VL + VNNI, FMA, F16C).
pub fn available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx512f")
            && std::is_x86_feature_detected!("avx512bw")
            && std::is_x86_feature_detected!("avx512vl")
            && std::is_x86_feature_detected!("avx512vnni")
            && std::is_x86_feature_detected!("fma")
            && std::is_x86_feature_detected!("f16c")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// A weight matrix `(n, k)` (n outputs, k inputs) in the kernels' layout.
pub struct PackedMatrix {
    n: usize,
    k: usize,
    #[cfg(target_arch = "x86_64")]
    data: x86::Packed,
}

impl fmt::Debug for PackedMatrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PackedMatrix")
            .field("kind", &self.kind())
            .field("n", &self.n)
            .field("k", &self.k)
            .field("bytes", &self.size_bytes())
            .finish()
    }
}

impl PackedMatrix {
    /// Packs the GGUF blocks `bytes` of a `(n, k)` matrix of type `kind` (row-major, as
    /// stored in the file). Fails when the CPU lacks the kernels, the width is not a whole
    /// number of blocks, or the byte count does not match.
    pub fn from_ggml(kind: Kind, bytes: &[u8], n: usize, k: usize) -> Result<Self, KernelError> {
        if !available() {
            return Err(KernelError::Unavailable);
        }
        // Q4_K/Q6_K rows are whole super-blocks; Q8_0 rows are stored as pairs of blocks
        // (an odd last block is paired with zeros).
        if k == 0 || !k.is_multiple_of(kind.block_values()) {
            return Err(KernelError::Width {
                kind,
                n,
                k,
                block: kind.block_values(),
            });
        }
        let expected = n * k / kind.block_values() * kind.block_bytes();
        if bytes.len() != expected {
            return Err(KernelError::Bytes {
                kind,
                n,
                k,
                expected,
                got: bytes.len(),
            });
        }
        #[cfg(target_arch = "x86_64")]
        {
            Ok(PackedMatrix {
                n,
                k,
                data: x86::Packed::new(kind, bytes, n, k),
            })
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            Err(KernelError::Unavailable)
        }
    }

    /// Output rows.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Input width.
    pub fn k(&self) -> usize {
        self.k
    }

    /// The weight type.
    pub fn kind(&self) -> Kind {
        #[cfg(target_arch = "x86_64")]
        {
            self.data.kind()
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            Kind::Q8_0
        }
    }

    /// Bytes held.
    pub fn size_bytes(&self) -> usize {
        #[cfg(target_arch = "x86_64")]
        {
            self.data.size_bytes()
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            0
        }
    }
}

/// `x · Wᵀ` for every matrix of `mats` (all of the same width `k`): `x` holds `m` rows of
/// `width ≤ k` values (missing columns are zeros), the result one `m × n_i` row-major buffer
/// per matrix. The activations are quantized once for all of them.
pub fn matmul(
    mats: &[&PackedMatrix],
    x: &[f32],
    m: usize,
    width: usize,
) -> Result<Vec<Vec<f32>>, KernelError> {
    let Some(first) = mats.first() else {
        return Ok(Vec::new());
    };
    let k = first.k;
    if let Some(other) = mats.iter().find(|p| p.k != k) {
        return Err(KernelError::Mixed { a: k, b: other.k });
    }
    if width > k || x.len() != m * width {
        return Err(KernelError::Input { got: width, k });
    }
    let need_k = mats.iter().any(|p| p.kind() != Kind::Q8_0);
    let need_q8 = mats.iter().any(|p| p.kind() == Kind::Q8_0);
    let acts = Activations::quantize(x, m, width, k, need_k, need_q8);
    #[cfg(target_arch = "x86_64")]
    {
        let datas: Vec<&x86::Packed> = mats.iter().map(|p| &p.data).collect();
        Ok(x86::matmul(&datas, &acts))
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = acts;
        Err(KernelError::Unavailable)
    }
}
