//! The kernels against candle's own dequantization: for random weights quantized by candle
//! (Q4_K, Q6_K, Q8_0), `x · Wᵀ` from our kernels must match the product computed in f64 from
//! the dequantized weights, up to the 8-bit quantization of the activations.
//!
//! Skipped (with a message) on CPUs without AVX-512 VNNI, where the kernels are never used.

use candle_core::quantized::{GgmlDType, QTensor};
use candle_core::{Device, Tensor};
use lvshen_kernels::{Kind, PackedMatrix, available, matmul};
use rand::{Rng, SeedableRng, rngs::StdRng};

fn random(rng: &mut StdRng, len: usize) -> Vec<f32> {
    (0..len)
        .map(|_| {
            // Mostly small values with a few outliers, like real activations and weights.
            let v: f32 = rng.random_range(-1.0..1.0);
            if rng.random_range(0..50) == 0 {
                v * 8.0
            } else {
                v
            }
        })
        .collect()
}

/// Quantizes a random `(n, k)` matrix with candle; returns the packed matrix and the
/// dequantized weights.
fn quantized(kind: Kind, n: usize, k: usize, seed: u64) -> (PackedMatrix, Vec<f32>) {
    let mut rng = StdRng::seed_from_u64(seed);
    let dtype = match kind {
        Kind::Q4K => GgmlDType::Q4K,
        Kind::Q6K => GgmlDType::Q6K,
        Kind::Q8_0 => GgmlDType::Q8_0,
    };
    let w = Tensor::from_vec(random(&mut rng, n * k), (n, k), &Device::Cpu).expect("tensor");
    let q = QTensor::quantize(&w, dtype).expect("quantize");
    let bytes = q.data().expect("bytes");
    let packed = PackedMatrix::from_ggml(kind, &bytes, n, k).expect("pack");
    let deq = q
        .dequantize(&Device::Cpu)
        .and_then(|t| t.flatten_all())
        .and_then(|t| t.to_vec1::<f32>())
        .expect("dequantize");
    (packed, deq)
}

/// Relative error `‖got − want‖ / ‖want‖` of our product against the f64 reference.
fn relative_error(packed: &PackedMatrix, w: &[f32], m: usize, width: usize, seed: u64) -> f64 {
    let (n, k) = (packed.n(), packed.k());
    let mut rng = StdRng::seed_from_u64(seed);
    let x = random(&mut rng, m * width);
    let got = matmul(&[packed], &x, m, width).expect("matmul").remove(0);
    assert_eq!(got.len(), m * n);
    let (mut diff, mut norm) = (0.0f64, 0.0f64);
    for r in 0..m {
        for c in 0..n {
            let want: f64 = (0..width)
                .map(|i| f64::from(x[r * width + i]) * f64::from(w[c * k + i]))
                .sum();
            diff += (f64::from(got[r * n + c]) - want).powi(2);
            norm += want * want;
        }
    }
    (diff / norm).sqrt()
}

fn skip() -> bool {
    if !available() {
        eprintln!("SKIPPED: this CPU lacks AVX-512 VNNI; the kernels are not used here");
        return true;
    }
    false
}

#[test]
fn every_kind_matches_the_dequantized_product_for_decode_and_prefill_shapes() {
    if skip() {
        return;
    }
    for kind in [Kind::Q4K, Kind::Q6K, Kind::Q8_0] {
        // Widths: one and several super-blocks; for Q8_0 also an odd number of 32-blocks.
        let widths: &[usize] = match kind {
            Kind::Q8_0 => &[256, 896, 96],
            _ => &[256, 1024],
        };
        for (i, &k) in widths.iter().enumerate() {
            // n not a multiple of the 16-row block; m = 1 (decode), 3, 4 and 6 (prefill
            // groups of 4 and the remainders).
            let (packed, w) = quantized(kind, 40, k, 7 + i as u64);
            for m in [1, 3, 4, 6] {
                let err = relative_error(&packed, &w, m, k, 100 + m as u64);
                assert!(err < 0.02, "{kind} k={k} m={m}: relative error {err:.4}");
            }
        }
    }
}

#[test]
fn a_narrower_input_is_padded_with_zeros() {
    if skip() {
        return;
    }
    let (packed, w) = quantized(Kind::Q6K, 24, 1024, 3);
    // 896 inputs against a matrix padded to 1024 columns (as the 0.5B model's copy is).
    let err = relative_error(&packed, &w, 2, 896, 5);
    assert!(err < 0.02, "relative error {err:.4}");
}

#[test]
fn several_matrices_share_one_quantization_of_the_input() {
    if skip() {
        return;
    }
    let (a, _) = quantized(Kind::Q4K, 32, 512, 11);
    let (b, _) = quantized(Kind::Q8_0, 8, 512, 12);
    let mut rng = StdRng::seed_from_u64(13);
    let x = random(&mut rng, 2 * 512);
    let both = matmul(&[&a, &b], &x, 2, 512).expect("fused");
    let alone_a = matmul(&[&a], &x, 2, 512).expect("a");
    let alone_b = matmul(&[&b], &x, 2, 512).expect("b");
    assert_eq!(both, vec![alone_a.remove_first(), alone_b.remove_first()]);
}

#[test]
fn bad_shapes_are_refused_with_the_numbers() {
    if skip() {
        return;
    }
    let err = PackedMatrix::from_ggml(Kind::Q4K, &[0; 144], 1, 200).expect_err("width");
    assert!(err.to_string().contains("multiple of 256"), "{err}");
    let err = PackedMatrix::from_ggml(Kind::Q8_0, &[0; 10], 1, 32).expect_err("bytes");
    assert!(err.to_string().contains("34"), "{err}");
    let (a, _) = quantized(Kind::Q8_0, 4, 64, 1);
    let err = matmul(&[&a], &[0.0; 65], 1, 65).expect_err("too wide");
    assert!(err.to_string().contains("65"), "{err}");
}

trait First {
    fn remove_first(self) -> Vec<f32>;
}

impl First for Vec<Vec<f32>> {
    fn remove_first(mut self) -> Vec<f32> {
        self.remove(0)
    }
}
