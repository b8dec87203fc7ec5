//! Activations quantized to 8 bits for the dot products (safe code).
//!
//! Two forms, made only when a product needs them:
//! - per 256 values (for Q4_K/Q6_K weights, as llama.cpp's `Q8_K`): one scale, the 256
//!   quants in natural order, and their sums per 16 and per 32 (the k-quants' offsets);
//! - per pair of 32-value blocks (for Q8_0 weights): the 64 quants, the sum of each group of
//!   4 (the lanes of one `vpdpbusd`), and each block's scale repeated over its 8 lanes.

/// 256 activations quantized with one scale.
#[repr(C, align(64))]
#[derive(Debug, Clone)]
pub(crate) struct ActSuper {
    pub(crate) qs: [i8; 256],
    pub(crate) sums16: [i16; 16],
    pub(crate) sums32: [i32; 8],
    pub(crate) d: f32,
}

/// 64 activations (two blocks of 32), each block with its own scale.
#[repr(C, align(64))]
#[derive(Debug, Clone)]
pub(crate) struct ActPair {
    pub(crate) qs: [i8; 64],
    /// Sum of each group of 4 quants: `lane_sums[l] = Σ qs[4l..4l+4]`.
    pub(crate) lane_sums: [i32; 16],
    /// Scale of block 0 in lanes 0..8, of block 1 in lanes 8..16.
    pub(crate) d: [f32; 16],
}

/// The activations of one product: `m` rows of `k` values.
#[derive(Debug)]
pub struct Activations {
    pub(crate) m: usize,
    pub(crate) k: usize,
    /// `m × k/256`, row-major; empty when not needed.
    pub(crate) supers: Vec<ActSuper>,
    /// `m × ceil(k/64)`, row-major; empty when not needed.
    pub(crate) pairs: Vec<ActPair>,
}

impl Activations {
    /// Quantizes `m` rows of `width` values from `x`, each padded with zeros to `k`.
    pub(crate) fn quantize(
        x: &[f32],
        m: usize,
        width: usize,
        k: usize,
        supers: bool,
        pairs: bool,
    ) -> Self {
        let mut row = vec![0.0f32; k.next_multiple_of(256)];
        let mut out = Activations {
            m,
            k,
            supers: Vec::new(),
            pairs: Vec::new(),
        };
        if supers {
            out.supers.reserve(m * k / 256);
        }
        if pairs {
            out.pairs.reserve(m * k.div_ceil(64));
        }
        for r in 0..m {
            row[..width].copy_from_slice(&x[r * width..(r + 1) * width]);
            row[width..].fill(0.0);
            if supers {
                out.supers
                    .extend(row[..k].chunks_exact(256).map(quantize_super));
            }
            if pairs {
                out.pairs.extend(
                    row[..k.next_multiple_of(64)]
                        .chunks_exact(64)
                        .map(quantize_pair),
                );
            }
        }
        out
    }

    /// Rows.
    pub fn rows(&self) -> usize {
        self.m
    }

    /// Values per row.
    pub fn width(&self) -> usize {
        self.k
    }
}

/// Scale and quants of `x` with the largest magnitude mapped to ±127.
fn quantize_block(x: &[f32], qs: &mut [i8]) -> f32 {
    let amax = x.iter().fold(0.0f32, |a, v| a.max(v.abs()));
    if amax == 0.0 || !amax.is_finite() {
        qs.fill(0);
        return 0.0;
    }
    let iscale = 127.0 / amax;
    for (q, v) in qs.iter_mut().zip(x) {
        *q = (v * iscale).round().clamp(-127.0, 127.0) as i8;
    }
    amax / 127.0
}

fn quantize_super(x: &[f32]) -> ActSuper {
    let mut a = ActSuper {
        qs: [0; 256],
        sums16: [0; 16],
        sums32: [0; 8],
        d: 0.0,
    };
    a.d = quantize_block(x, &mut a.qs);
    for (g, chunk) in a.qs.chunks_exact(16).enumerate() {
        a.sums16[g] = chunk.iter().map(|&q| i16::from(q)).sum();
    }
    for g in 0..8 {
        a.sums32[g] = i32::from(a.sums16[2 * g]) + i32::from(a.sums16[2 * g + 1]);
    }
    a
}

fn quantize_pair(x: &[f32]) -> ActPair {
    let mut a = ActPair {
        qs: [0; 64],
        lane_sums: [0; 16],
        d: [0.0; 16],
    };
    let d0 = quantize_block(&x[..32], &mut a.qs[..32]);
    let d1 = quantize_block(&x[32..], &mut a.qs[32..]);
    a.d[..8].fill(d0);
    a.d[8..].fill(d1);
    for (l, chunk) in a.qs.chunks_exact(4).enumerate() {
        a.lane_sums[l] = chunk.iter().map(|&q| i32::from(q)).sum();
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantized_values_come_back_within_half_a_step() {
        let x: Vec<f32> = (0..300)
            .map(|i| ((i * 37 % 101) as f32 - 50.0) / 7.0)
            .collect();
        let a = Activations::quantize(&x, 1, 300, 512, true, true);
        assert_eq!(a.supers.len(), 2);
        assert_eq!(a.pairs.len(), 8);
        for (i, v) in x.iter().enumerate() {
            let s = &a.supers[i / 256];
            let back = f32::from(s.qs[i % 256]) * s.d;
            assert!((back - v).abs() <= s.d * 0.5 + 1e-6, "{i}: {v} vs {back}");
            let p = &a.pairs[i / 64];
            let back = f32::from(p.qs[i % 64]) * p.d[(i % 64) / 32 * 8];
            assert!((back - v).abs() <= p.d[(i % 64) / 32 * 8] * 0.5 + 1e-6);
        }
        // The padding is zeros.
        assert!(a.supers[1].qs[300 - 256..].iter().all(|&q| q == 0));
        let s = &a.supers[0];
        assert_eq!(
            s.sums32[3],
            s.qs[96..128].iter().map(|&q| i32::from(q)).sum::<i32>()
        );
    }

    #[test]
    fn a_zero_or_non_finite_block_quantizes_to_zeros() {
        let mut x = vec![0.0f32; 256];
        let a = Activations::quantize(&x, 1, 256, 256, true, false);
        assert_eq!(a.supers[0].d, 0.0);
        x[3] = f32::NAN;
        let a = Activations::quantize(&x, 1, 256, 256, true, false);
        assert!(a.supers[0].qs.iter().all(|&q| q == 0));
    }
}
