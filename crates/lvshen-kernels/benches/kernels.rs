//! Our kernels against candle's on the matrix shapes of the shipped models, one matrix at a
//! time: `cargo bench -p lvshen-kernels` prints a table (median of the runs; GB/s = weight
//! bytes read per second, the bound of a decode step). Random weights, quantized by candle.
//! A small matrix is held in enough copies (≥ 96 MB, three times the L3 cache here) that each
//! call reads its weights from memory, as a decode step through all layers does.

use std::time::{Duration, Instant};

use candle_core::quantized::{GgmlDType, QMatMul, QTensor};
use candle_core::{Device, Module, Tensor};
use lvshen_kernels::{Kind, PackedMatrix, available, matmul};

struct Case {
    name: &'static str,
    kind: Kind,
    n: usize,
    k: usize,
}

const CASES: &[Case] = &[
    Case {
        name: "1.5B ffn_gate",
        kind: Kind::Q4K,
        n: 8960,
        k: 1536,
    },
    Case {
        name: "1.5B ffn_down",
        kind: Kind::Q4K,
        n: 1536,
        k: 8960,
    },
    Case {
        name: "1.5B ffn_down",
        kind: Kind::Q6K,
        n: 1536,
        k: 8960,
    },
    Case {
        name: "1.5B attn_q",
        kind: Kind::Q4K,
        n: 1536,
        k: 1536,
    },
    Case {
        name: "1.5B output",
        kind: Kind::Q6K,
        n: 151_936,
        k: 1536,
    },
    Case {
        name: "0.5B ffn_gate",
        kind: Kind::Q6K,
        n: 4864,
        k: 1024,
    },
    Case {
        name: "0.5B ffn_down",
        kind: Kind::Q6K,
        n: 1024,
        k: 4864,
    },
    Case {
        name: "0.5B output",
        kind: Kind::Q8_0,
        n: 151_936,
        k: 896,
    },
];

fn median(mut f: impl FnMut(), budget: Duration) -> Duration {
    f();
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || (start.elapsed() < budget && times.len() < 200) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn main() {
    if !available() {
        println!("SKIPPED: this CPU lacks AVX-512 VNNI; the kernels are not used here");
        return;
    }
    println!(
        "threads: {} (candle's pool + the caller)",
        candle_core::utils::get_num_threads()
    );
    println!(
        "| matrix | type | n × k | m | ours ms | candle ms | ours GB/s | candle GB/s | ours / candle |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for case in CASES {
        let dtype = match case.kind {
            Kind::Q4K => GgmlDType::Q4K,
            Kind::Q6K => GgmlDType::Q6K,
            Kind::Q8_0 => GgmlDType::Q8_0,
        };
        let w = Tensor::randn(0f32, 1.0, (case.n, case.k), &Device::Cpu).expect("weights");
        let q = QTensor::quantize(&w, dtype).expect("quantize");
        drop(w);
        let data = q.data().expect("bytes").into_owned();
        let bytes = data.len();
        let copies = (96_000_000 / bytes).max(1);
        let packed: Vec<PackedMatrix> = (0..copies)
            .map(|_| PackedMatrix::from_ggml(case.kind, &data, case.n, case.k).expect("pack"))
            .collect();
        let candle: Vec<QMatMul> = (0..copies)
            .map(|_| {
                let q = QTensor::quantize(&q.dequantize(&Device::Cpu).expect("dequantize"), dtype)
                    .expect("quantize");
                QMatMul::from_qtensor(q).expect("qmatmul")
            })
            .collect();
        for m in [1usize, 128] {
            let x = Tensor::randn(0f32, 1.0, (m, case.k), &Device::Cpu).expect("x");
            let xs = x
                .flatten_all()
                .and_then(|t| t.to_vec1::<f32>())
                .expect("xs");
            let budget = Duration::from_millis(if m == 1 { 700 } else { 2000 });
            let mut i = 0;
            let ours = median(
                || {
                    i = (i + 1) % copies;
                    let out = matmul(&[&packed[i]], &xs, m, case.k).expect("ours");
                    std::hint::black_box(out);
                },
                budget,
            );
            let theirs = median(
                || {
                    i = (i + 1) % copies;
                    std::hint::black_box(candle[i].forward(&x).expect("candle"));
                },
                budget,
            );
            let gbs = |t: Duration| bytes as f64 / t.as_secs_f64() / 1e9;
            println!(
                "| {} | {} | {} × {} | {} | {:.3} | {:.3} | {:.1} | {:.1} | {:.2}× |",
                case.name,
                case.kind,
                case.n,
                case.k,
                m,
                ours.as_secs_f64() * 1e3,
                theirs.as_secs_f64() * 1e3,
                gbs(ours),
                gbs(theirs),
                theirs.as_secs_f64() / ours.as_secs_f64(),
            );
        }
    }
}
