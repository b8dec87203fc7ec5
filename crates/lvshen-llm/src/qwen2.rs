//! Qwen2 forward pass on candle's quantized CPU kernels, written for this runtime.
//!
//! Adapted from `candle-transformers`' `quantized_qwen2` (MIT/Apache-2.0), changed where the
//! profile of a 2-core CPU said so (`shared/spec/model.md`, issue 4):
//! - the token embedding is not held in memory at all: the rows a prompt needs are read from
//!   the GGUF file and dequantized on lookup (candle expands the table to f32: 545 MB for the
//!   0.5B model; even quantized it would be 145 MB);
//! - weights whose input width is not a multiple of 256 may be zero-padded on disk by
//!   [`crate::convert`] so that the k-quant kernels take them; activations are padded to
//!   match (zeros contribute nothing to the dot products);
//! - q/k/v and gate/up share one activation quantization;
//! - the KV cache is plain memory, preallocated, read in place by the decode step, and can be
//!   truncated, so a new prompt that shares a prefix
//!   with the previous one (the fixed system prompt) only computes the new tokens;
//! - grouped-query attention runs per KV head group without copying K and V per query head;
//! - on CPUs with AVX-512 VNNI the Q4_K/Q6_K/Q8_0 matrices are handed to our own kernels
//!   (`lvshen-kernels`), which hold each weight once in a layout as compact as the GGUF
//!   block; candle keeps both its tiles and the original blocks, and its Q4_K tiles are a
//!   third larger (issue 4's profile).

use std::io::{Read, Seek, SeekFrom};
use std::sync::{Arc, Mutex};

use candle_core::quantized::{GgmlDType, QMatMul, QTensor, ggml_file, gguf_file};
use candle_core::{D, DType, Device, IndexOp, Module, Result, Tensor};
use lvshen_kernels::{Kind, PackedMatrix};

/// Whether our own kernels (`lvshen-kernels`) run the matrix products: on CPUs with AVX-512
/// VNNI, unless `LVSHEN_KERNELS=candle` asks for candle's (to compare them).
pub fn own_kernels() -> bool {
    static OWN: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *OWN.get_or_init(|| {
        lvshen_kernels::available()
            && std::env::var("LVSHEN_KERNELS").map_or(true, |v| v != "candle")
    })
}

fn kernel_kind(dtype: GgmlDType) -> Option<Kind> {
    match dtype {
        GgmlDType::Q4K => Some(Kind::Q4K),
        GgmlDType::Q6K => Some(Kind::Q6K),
        GgmlDType::Q8_0 => Some(Kind::Q8_0),
        _ => None,
    }
}

/// A weight matrix in whichever form runs it.
#[derive(Debug, Clone)]
enum Weights {
    /// Held once, in our kernels' layout (the GGUF bytes are dropped after packing).
    Packed(Arc<PackedMatrix>),
    /// Candle's quantized tensor and kernels (other weight types, other CPUs).
    Candle {
        weight: Arc<QTensor>,
        matmul: QMatMul,
    },
}

/// A linear layer over a quantized weight `(n, k)`; pads its input with zeros up to `k`.
#[derive(Debug, Clone)]
struct Linear {
    weights: Weights,
    k: usize,
}

impl Linear {
    /// The layer over `weight`, on our kernels when `own` and the weight type allows it.
    fn new(weight: QTensor, own: bool) -> Result<Self> {
        let (n, k) = weight.shape().dims2()?;
        if own && let Some(kind) = kernel_kind(weight.dtype()) {
            match PackedMatrix::from_ggml(kind, &weight.data()?, n, k) {
                Ok(packed) => {
                    return Ok(Linear {
                        weights: Weights::Packed(Arc::new(packed)),
                        k,
                    });
                }
                Err(e) => tracing::debug!(error = %e, "weight left to candle's kernels"),
            }
        }
        let weight = Arc::new(weight);
        Ok(Linear {
            weights: Weights::Candle {
                matmul: QMatMul::from_arc(weight.clone())?,
                weight,
            },
            k,
        })
    }

    /// The packed matrix, when this layer runs on our kernels.
    fn packed(&self) -> Option<&PackedMatrix> {
        match &self.weights {
            Weights::Packed(p) => Some(p),
            Weights::Candle { .. } => None,
        }
    }

    fn pad(&self, x: &Tensor) -> Result<Tensor> {
        let width = x.dim(D::Minus1)?;
        if width < self.k {
            x.pad_with_zeros(D::Minus1, 0, self.k - width)
        } else {
            Ok(x.clone())
        }
    }

    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        match &self.weights {
            Weights::Packed(p) => Ok(packed_product(&[p.as_ref()], x)?.remove(0)),
            Weights::Candle { matmul, .. } => matmul.forward(&self.pad(x)?),
        }
    }

    /// `x` through several linears of the same input width, quantizing `x` once when the
    /// kernels allow it.
    fn forward_many(linears: &[&Linear], x: &Tensor) -> Result<Vec<Tensor>> {
        let packed: Vec<&PackedMatrix> = linears
            .iter()
            .filter_map(|l| match &l.weights {
                Weights::Packed(p) => Some(p.as_ref()),
                Weights::Candle { .. } => None,
            })
            .collect();
        if packed.len() == linears.len() && linears.iter().all(|l| l.k == linears[0].k) {
            return packed_product(&packed, x);
        }
        let weights: Option<Vec<&QTensor>> = linears
            .iter()
            .map(|l| match &l.weights {
                Weights::Candle { weight, .. } => Some(weight.as_ref()),
                Weights::Packed(_) => None,
            })
            .collect();
        if let Some(weights) = weights
            && linears.iter().all(|l| l.k == linears[0].k)
        {
            let x = linears[0].pad(x)?;
            if let Some(outs) = QTensor::gemv_fused_shared_lhs(&weights, &x)? {
                return Ok(outs);
            }
        }
        linears.iter().map(|l| l.forward(x)).collect()
    }
}

/// `x` (`(…, width)`) times each packed matrix, through our kernels.
fn packed_product(mats: &[&PackedMatrix], x: &Tensor) -> Result<Vec<Tensor>> {
    let dims = x.dims().to_vec();
    let Some((&width, lead)) = dims.split_last() else {
        candle_core::bail!("matrix product of a scalar");
    };
    let m: usize = lead.iter().product();
    let values = x.flatten_all()?.to_vec1::<f32>()?;
    let outs = lvshen_kernels::matmul(mats, &values, m, width)
        .map_err(|e| candle_core::Error::Msg(e.to_string()))?;
    outs.into_iter()
        .zip(mats)
        .map(|(out, p)| {
            let mut shape = lead.to_vec();
            shape.push(p.n());
            Tensor::from_vec(out, shape, &Device::Cpu)
        })
        .collect()
}

#[derive(Debug, Clone)]
struct RmsNorm {
    weight: Tensor,
    eps: f32,
}

impl RmsNorm {
    fn new(weight: QTensor, eps: f32) -> Result<Self> {
        Ok(RmsNorm {
            weight: weight.dequantize(&Device::Cpu)?,
            eps,
        })
    }

    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        candle_nn::ops::rms_norm(x, &self.weight, self.eps)
    }
}

/// The token embedding table, read row by row from the model file.
#[derive(Debug)]
struct EmbeddingRows {
    file: Mutex<std::fs::File>,
    /// Byte offset of row 0 in the file.
    offset: u64,
    rows: usize,
    width: usize,
    row_bytes: usize,
    dtype: GgmlDType,
}

impl EmbeddingRows {
    fn open(path: &std::path::Path, content: &gguf_file::Content) -> Result<Self> {
        let Some(info) = content.tensor_infos.get("token_embd.weight") else {
            candle_core::bail!("GGUF has no token_embd.weight");
        };
        let (rows, width) = info.shape.dims2()?;
        let dtype = info.ggml_dtype;
        if !width.is_multiple_of(dtype.block_size()) {
            candle_core::bail!("token_embd.weight width {width} is not a whole number of blocks");
        }
        Ok(EmbeddingRows {
            file: Mutex::new(std::fs::File::open(path)?),
            offset: content.tensor_data_offset + info.offset,
            rows,
            width,
            row_bytes: width / dtype.block_size() * dtype.type_size(),
            dtype,
        })
    }

    /// The embeddings of `ids`, `(ids.len(), width)`.
    fn lookup(&self, ids: &[u32]) -> Result<Tensor> {
        let mut bytes = vec![0u8; ids.len() * self.row_bytes];
        {
            let mut file = self
                .file
                .lock()
                .map_err(|_| candle_core::Error::Msg("embedding file lock poisoned".into()))?;
            for (id, chunk) in ids.iter().zip(bytes.chunks_exact_mut(self.row_bytes)) {
                let id = *id as usize;
                if id >= self.rows {
                    candle_core::bail!("token id {id} is outside the vocabulary ({})", self.rows);
                }
                file.seek(SeekFrom::Start(self.offset + (id * self.row_bytes) as u64))?;
                file.read_exact(chunk)?;
            }
        }
        let rows = ggml_file::qtensor_from_ggml(
            self.dtype,
            &bytes,
            vec![ids.len(), self.width],
            &Device::Cpu,
        )?;
        rows.dequantize(&Device::Cpu)
    }
}

/// Keys and values of one layer, each `[kv head][capacity][head_dim]` in plain memory: the
/// first `len` positions of a head are one contiguous slice, which the decode step reads in
/// place (no copy of the cache per token).
#[derive(Debug, Clone, Default)]
struct KvCache {
    k: Vec<f32>,
    v: Vec<f32>,
    heads: usize,
    head_dim: usize,
    capacity: usize,
    len: usize,
}

impl KvCache {
    /// Appends `k`, `v` (`(1, heads, added, head_dim)`) at position `len`.
    fn append(&mut self, k: &Tensor, v: &Tensor) -> Result<()> {
        let (_, heads, added, head_dim) = k.dims4()?;
        let k = k.flatten_all()?.to_vec1::<f32>()?;
        let v = v.flatten_all()?.to_vec1::<f32>()?;
        self.append_values(&k, &v, heads, added, head_dim);
        Ok(())
    }

    /// Appends keys and values laid out `[head][added][head_dim]` at position `len`.
    fn append_values(&mut self, k: &[f32], v: &[f32], heads: usize, added: usize, head_dim: usize) {
        let needed = self.len + added;
        if needed > self.capacity || heads != self.heads || head_dim != self.head_dim {
            let same_shape = heads == self.heads && head_dim == self.head_dim;
            let kept = if same_shape { self.len } else { 0 };
            let grown = needed.next_multiple_of(256).max(self.capacity * 2);
            let kept_heads = if same_shape { heads } else { 0 };
            let regrow = |old: &[f32]| {
                let mut new = vec![0.0f32; heads * grown * head_dim];
                for h in 0..kept_heads {
                    let from = h * self.capacity * head_dim;
                    new[h * grown * head_dim..][..kept * head_dim]
                        .copy_from_slice(&old[from..from + kept * head_dim]);
                }
                new
            };
            self.k = regrow(&self.k);
            self.v = regrow(&self.v);
            self.heads = heads;
            self.head_dim = head_dim;
            self.capacity = grown;
            self.len = kept;
        }
        let rows = added * head_dim;
        for (cache, values) in [(&mut self.k, k), (&mut self.v, v)] {
            for h in 0..heads {
                let at = (h * self.capacity + self.len) * head_dim;
                cache[at..at + rows].copy_from_slice(&values[h * rows..(h + 1) * rows]);
            }
        }
        self.len = needed;
    }

    /// The cached positions of KV head `h`: keys and values, `len × head_dim` each.
    fn head(&self, h: usize) -> (&[f32], &[f32]) {
        let at = h * self.capacity * self.head_dim;
        let n = self.len * self.head_dim;
        (&self.k[at..at + n], &self.v[at..at + n])
    }

    /// All cached keys and values as tensors `(1, heads, len, head_dim)` (a copy; prefill).
    fn tensors(&self) -> Result<(Tensor, Tensor)> {
        let mut k = Vec::with_capacity(self.heads * self.len * self.head_dim);
        let mut v = Vec::with_capacity(k.capacity());
        for h in 0..self.heads {
            let (hk, hv) = self.head(h);
            k.extend_from_slice(hk);
            v.extend_from_slice(hv);
        }
        let shape = (1, self.heads, self.len, self.head_dim);
        Ok((
            Tensor::from_vec(k, shape, &Device::Cpu)?,
            Tensor::from_vec(v, shape, &Device::Cpu)?,
        ))
    }
}

/// Dot product, in 16 independent lanes (vectorised by the compiler).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0.0f32; 16];
    let (a16, b16) = (a.chunks_exact(16), b.chunks_exact(16));
    let tail: f32 = a16
        .remainder()
        .iter()
        .zip(b16.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in a16.zip(b16) {
        for i in 0..16 {
            lanes[i] += x[i] * y[i];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// Attention of one new position (decode) over the cache, read in place: `q` holds
/// `n_head × head_dim` values; returns the same shape. Each KV head is one work item on
/// candle's pool, and its keys and values are read once for all the query heads sharing it.
fn decode_attention(q: &[f32], cache: &KvCache, shape: Shape) -> Vec<f32> {
    let hd = shape.head_dim;
    let group = shape.n_head / shape.n_kv_head;
    let scale = 1.0 / (hd as f32).sqrt();
    let out = Mutex::new(vec![0.0f32; shape.n_head * hd]);
    candle_core::utils::barrier_pool().execute_chunked(shape.n_kv_head, |kv_heads| {
        for kv in kv_heads {
            let (keys, values) = cache.head(kv);
            let len = keys.len() / hd;
            let qs = &q[kv * group * hd..(kv + 1) * group * hd];
            // scores[g * len + j]: query head g of the group against key j.
            let mut scores = vec![0.0f32; group * len];
            for (j, key) in keys.chunks_exact(hd).enumerate() {
                for (g, qg) in qs.chunks_exact(hd).enumerate() {
                    scores[g * len + j] = dot(qg, key) * scale;
                }
            }
            for row in scores.chunks_exact_mut(len.max(1)) {
                let max = row.iter().fold(f32::NEG_INFINITY, |m, s| m.max(*s));
                let mut total = 0.0f32;
                for s in row.iter_mut() {
                    *s = (*s - max).exp();
                    total += *s;
                }
                for s in row.iter_mut() {
                    *s /= total;
                }
            }
            let mut y = vec![0.0f32; group * hd];
            for (j, value) in values.chunks_exact(hd).enumerate() {
                for (g, yg) in y.chunks_exact_mut(hd).enumerate() {
                    let p = scores[g * len + j];
                    for (yi, vi) in yg.iter_mut().zip(value) {
                        *yi += p * vi;
                    }
                }
            }
            if let Ok(mut out) = out.lock() {
                out[kv * group * hd..(kv + 1) * group * hd].copy_from_slice(&y);
            }
        }
    });
    out.into_inner().unwrap_or_default()
}

#[derive(Debug, Clone)]
struct Layer {
    wq: Linear,
    wk: Linear,
    wv: Linear,
    bq: Tensor,
    bk: Tensor,
    bv: Tensor,
    wo: Linear,
    attention_norm: RmsNorm,
    gate: Linear,
    up: Linear,
    down: Linear,
    ffn_norm: RmsNorm,
    cache: KvCache,
}

/// The model's shape, from the GGUF metadata.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub n_head: usize,
    pub n_kv_head: usize,
    pub head_dim: usize,
    pub hidden: usize,
    pub context_length: usize,
}

/// Qwen2 weights with a KV cache.
#[derive(Debug)]
pub struct Qwen2 {
    embedding: EmbeddingRows,
    layers: Vec<Layer>,
    norm: RmsNorm,
    output: Linear,
    cos: Tensor,
    sin: Tensor,
    shape: Shape,
    /// The small vectors of the one-token step, when every matrix runs on our kernels.
    decode: Option<DecodeParts>,
}

/// What the one-token step needs besides the packed matrices, as plain vectors: it runs
/// without candle tensors (each candle op costs microseconds; a token takes hundreds).
#[derive(Debug)]
struct DecodeParts {
    layers: Vec<DecodeLayer>,
    norm: Vec<f32>,
    eps: f32,
    inv_freq: Vec<f32>,
}

#[derive(Debug)]
struct DecodeLayer {
    bq: Vec<f32>,
    bk: Vec<f32>,
    bv: Vec<f32>,
    attention_norm: Vec<f32>,
    ffn_norm: Vec<f32>,
}

impl DecodeParts {
    /// The parts, when every matrix of the model is packed.
    fn new(
        layers: &[Layer],
        norm: &RmsNorm,
        output: &Linear,
        inv_freq: Vec<f32>,
    ) -> Result<Option<Self>> {
        let all_packed = output.packed().is_some()
            && layers.iter().all(|l| {
                [&l.wq, &l.wk, &l.wv, &l.wo, &l.gate, &l.up, &l.down]
                    .iter()
                    .all(|m| m.packed().is_some())
            });
        if !all_packed {
            return Ok(None);
        }
        let plain = |t: &Tensor| t.flatten_all()?.to_vec1::<f32>();
        let layers = layers
            .iter()
            .map(|l| {
                Ok(DecodeLayer {
                    bq: plain(&l.bq)?,
                    bk: plain(&l.bk)?,
                    bv: plain(&l.bv)?,
                    attention_norm: plain(&l.attention_norm.weight)?,
                    ffn_norm: plain(&l.ffn_norm.weight)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(DecodeParts {
            layers,
            norm: plain(&norm.weight)?,
            eps: norm.eps,
            inv_freq,
        }))
    }
}

/// `x / rms(x) * weight`, as candle_nn's `rms_norm`.
fn rms_norm(x: &[f32], weight: &[f32], eps: f32) -> Vec<f32> {
    let mean = x.iter().map(|v| v * v).sum::<f32>() / x.len() as f32;
    let scale = 1.0 / (mean + eps).sqrt();
    x.iter().zip(weight).map(|(v, w)| v * scale * w).collect()
}

/// Rotary embedding of `heads` heads in place, halves rotated (candle_nn's `rope`, the
/// layout Qwen2 uses).
fn rope_in_place(x: &mut [f32], head_dim: usize, cos: &[f32], sin: &[f32]) {
    let half = head_dim / 2;
    for head in x.chunks_exact_mut(head_dim) {
        let (a, b) = head.split_at_mut(half);
        for i in 0..half {
            let (x1, x2) = (a[i], b[i]);
            a[i] = x1 * cos[i] - x2 * sin[i];
            b[i] = x2 * cos[i] + x1 * sin[i];
        }
    }
}

fn add_in_place(x: &mut [f32], y: &[f32]) {
    for (a, b) in x.iter_mut().zip(y) {
        *a += b;
    }
}

fn metadata_u32(content: &gguf_file::Content, key: &str) -> Result<usize> {
    match content.metadata.get(key) {
        Some(v) => Ok(v.to_u32()? as usize),
        None => candle_core::bail!("GGUF metadata lacks {key}"),
    }
}

impl Qwen2 {
    /// Reads the weights of the `qwen2` GGUF file `path`, whose header is `content`; the
    /// matrix products run on our kernels when [`own_kernels`] says so.
    pub fn load(path: &std::path::Path, content: &gguf_file::Content) -> Result<Self> {
        Self::load_with_kernels(path, content, own_kernels())
    }

    /// As [`Qwen2::load`], choosing the kernels: ours (`own`, where the CPU and weight type
    /// allow) or candle's for every matrix.
    pub fn load_with_kernels(
        path: &std::path::Path,
        content: &gguf_file::Content,
        own: bool,
    ) -> Result<Self> {
        let own = own && lvshen_kernels::available();
        let reader = &mut std::fs::File::open(path)?;
        let device = Device::Cpu;
        let n_head = metadata_u32(content, "qwen2.attention.head_count")?;
        let n_kv_head = metadata_u32(content, "qwen2.attention.head_count_kv")?;
        let hidden = metadata_u32(content, "qwen2.embedding_length")?;
        let context_length = metadata_u32(content, "qwen2.context_length")?;
        let blocks = metadata_u32(content, "qwen2.block_count")?;
        let eps = content
            .metadata
            .get("qwen2.attention.layer_norm_rms_epsilon")
            .and_then(|v| v.to_f32().ok())
            .unwrap_or(1e-6);
        let rope_base = content
            .metadata
            .get("qwen2.rope.freq_base")
            .and_then(|v| v.to_f32().ok())
            .unwrap_or(10_000.0);
        if n_head == 0 || n_kv_head == 0 || n_head % n_kv_head != 0 || hidden % n_head != 0 {
            candle_core::bail!(
                "inconsistent attention shape: {n_head} heads, {n_kv_head} kv heads, width {hidden}"
            );
        }
        let head_dim = hidden / n_head;
        let mut tensor = |name: &str| content.tensor(reader, name, &device);
        let embedding = EmbeddingRows::open(path, content)?;
        let norm = RmsNorm::new(tensor("output_norm.weight")?, eps)?;
        let output = if content.tensor_infos.contains_key("output.weight") {
            Linear::new(tensor("output.weight")?, own)?
        } else {
            // Tied embeddings: the output projection is the embedding matrix.
            Linear::new(tensor("token_embd.weight")?, own)?
        };
        let mut layers = Vec::with_capacity(blocks);
        for i in 0..blocks {
            let mut t = |suffix: &str| tensor(&format!("blk.{i}.{suffix}"));
            layers.push(Layer {
                wq: Linear::new(t("attn_q.weight")?, own)?,
                wk: Linear::new(t("attn_k.weight")?, own)?,
                wv: Linear::new(t("attn_v.weight")?, own)?,
                bq: t("attn_q.bias")?.dequantize(&device)?,
                bk: t("attn_k.bias")?.dequantize(&device)?,
                bv: t("attn_v.bias")?.dequantize(&device)?,
                wo: Linear::new(t("attn_output.weight")?, own)?,
                attention_norm: RmsNorm::new(t("attn_norm.weight")?, eps)?,
                gate: Linear::new(t("ffn_gate.weight")?, own)?,
                up: Linear::new(t("ffn_up.weight")?, own)?,
                down: Linear::new(t("ffn_down.weight")?, own)?,
                ffn_norm: RmsNorm::new(t("ffn_norm.weight")?, eps)?,
                cache: KvCache::default(),
            });
        }
        let inv_freq = inverse_frequencies(head_dim, rope_base);
        let (cos, sin) = rope_tables(&inv_freq, context_length, &device)?;
        let decode = DecodeParts::new(&layers, &norm, &output, inv_freq)?;
        Ok(Qwen2 {
            embedding,
            layers,
            norm,
            output,
            cos,
            sin,
            decode,
            shape: Shape {
                n_head,
                n_kv_head,
                head_dim,
                hidden,
                context_length,
            },
        })
    }

    /// The model's shape.
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// Positions currently held in the KV cache.
    pub fn cached_len(&self) -> usize {
        self.layers.first().map_or(0, |l| l.cache.len)
    }

    /// Forgets the cached positions from `len` on.
    pub fn truncate_cache(&mut self, len: usize) {
        for layer in &mut self.layers {
            layer.cache.len = layer.cache.len.min(len);
        }
    }

    /// Runs `ids` (positions `cached_len()..`) through the model and returns the logits of
    /// the last position, `(vocab,)`.
    pub fn forward(&mut self, ids: &[u32]) -> Result<Tensor> {
        let position = self.cached_len();
        let seq = ids.len();
        if seq == 0 {
            candle_core::bail!("no tokens to run");
        }
        if position + seq > self.shape.context_length {
            candle_core::bail!(
                "{} positions exceed the context length {}",
                position + seq,
                self.shape.context_length
            );
        }
        if let ([id], Some(_)) = (ids, &self.decode) {
            return self.forward_one(*id, position);
        }
        let device = Device::Cpu;
        let mut x = self.embedding.lookup(ids)?;
        if x.dim(D::Minus1)? > self.shape.hidden {
            x = x.narrow(D::Minus1, 0, self.shape.hidden)?;
        }
        let mut x = x.unsqueeze(0)?.contiguous()?;
        let mask = if seq > 1 {
            Some(causal_mask(seq, position, &device)?)
        } else {
            None
        };
        let cos = self.cos.narrow(0, position, seq)?;
        let sin = self.sin.narrow(0, position, seq)?;
        let shape = self.shape;
        for layer in &mut self.layers {
            let residual = x.clone();
            let h = layer.attention_norm.forward(&x)?;
            let h = attention(layer, &h, mask.as_ref(), &cos, &sin, shape)?;
            x = (h + residual)?;
            let residual = x.clone();
            let h = layer.ffn_norm.forward(&x)?;
            let gate_up = Linear::forward_many(&[&layer.gate, &layer.up], &h)?;
            let h = (candle_nn::ops::silu(&gate_up[0])? * &gate_up[1])?;
            let h = layer.down.forward(&h)?;
            x = (h + residual)?;
        }
        let x = self
            .norm
            .forward(&x.i((.., seq - 1..seq, ..))?.contiguous()?)?;
        self.output.forward(&x)?.flatten_all()
    }
}

impl Qwen2 {
    /// One token at `position` (decode), every matrix on our kernels, no candle tensors
    /// but the embedding row and the returned logits.
    fn forward_one(&mut self, id: u32, position: usize) -> Result<Tensor> {
        let Some(parts) = &self.decode else {
            candle_core::bail!("the one-token step needs every matrix packed");
        };
        let shape = self.shape;
        let (hd, hidden) = (shape.head_dim, shape.hidden);
        let product = |mats: &[Option<&PackedMatrix>], x: &[f32]| -> Result<Vec<Vec<f32>>> {
            let mats: Vec<&PackedMatrix> = mats.iter().flatten().copied().collect();
            lvshen_kernels::matmul(&mats, x, 1, x.len())
                .map_err(|e| candle_core::Error::Msg(e.to_string()))
        };
        let mut x = self
            .embedding
            .lookup(&[id])?
            .flatten_all()?
            .to_vec1::<f32>()?;
        x.truncate(hidden);
        // The same angles as the tables the prefill reads (position × inverse frequency).
        let (cos, sin): (Vec<f32>, Vec<f32>) = parts
            .inv_freq
            .iter()
            .map(|f| {
                let angle = position as f32 * f;
                (angle.cos(), angle.sin())
            })
            .unzip();
        for (layer, plain) in self.layers.iter_mut().zip(&parts.layers) {
            let h = rms_norm(&x, &plain.attention_norm, parts.eps);
            let mut qkv = product(
                &[layer.wq.packed(), layer.wk.packed(), layer.wv.packed()],
                &h,
            )?;
            let (Some(mut v), Some(mut k), Some(mut q)) = (qkv.pop(), qkv.pop(), qkv.pop()) else {
                candle_core::bail!("q/k/v product returned too few outputs");
            };
            add_in_place(&mut q, &plain.bq);
            add_in_place(&mut k, &plain.bk);
            add_in_place(&mut v, &plain.bv);
            rope_in_place(&mut q, hd, &cos, &sin);
            rope_in_place(&mut k, hd, &cos, &sin);
            layer.cache.append_values(&k, &v, shape.n_kv_head, 1, hd);
            let y = decode_attention(&q, &layer.cache, shape);
            add_in_place(&mut x, &product(&[layer.wo.packed()], &y)?.concat());
            let h = rms_norm(&x, &plain.ffn_norm, parts.eps);
            let gate_up = product(&[layer.gate.packed(), layer.up.packed()], &h)?;
            let (Some(gate), Some(up)) = (gate_up.first(), gate_up.get(1)) else {
                candle_core::bail!("gate/up product returned too few outputs");
            };
            let act: Vec<f32> = gate
                .iter()
                .zip(up)
                .map(|(g, u)| g / (1.0 + (-g).exp()) * u)
                .collect();
            add_in_place(&mut x, &product(&[layer.down.packed()], &act)?.concat());
        }
        let h = rms_norm(&x, &parts.norm, parts.eps);
        let logits = product(&[self.output.packed()], &h)?.concat();
        let n = logits.len();
        Tensor::from_vec(logits, n, &Device::Cpu)
    }
}

fn attention(
    layer: &mut Layer,
    x: &Tensor,
    mask: Option<&Tensor>,
    cos: &Tensor,
    sin: &Tensor,
    shape: Shape,
) -> Result<Tensor> {
    let (b, seq, _) = x.dims3()?;
    let qkv = Linear::forward_many(&[&layer.wq, &layer.wk, &layer.wv], x)?;
    let q = qkv[0].broadcast_add(&layer.bq)?;
    let k = qkv[1].broadcast_add(&layer.bk)?;
    let v = qkv[2].broadcast_add(&layer.bv)?;
    let heads = |t: Tensor, n: usize| -> Result<Tensor> {
        t.reshape((b, seq, n, shape.head_dim))?
            .transpose(1, 2)?
            .contiguous()
    };
    let q = candle_nn::rotary_emb::rope(&heads(q, shape.n_head)?, cos, sin)?;
    let k = candle_nn::rotary_emb::rope(&heads(k, shape.n_kv_head)?, cos, sin)?;
    let v = heads(v, shape.n_kv_head)?;
    layer.cache.append(&k, &v)?;
    if seq == 1 && b == 1 {
        let q = q.flatten_all()?.to_vec1::<f32>()?;
        let y = decode_attention(&q, &layer.cache, shape);
        let y = Tensor::from_vec(y, (b, seq, shape.n_head * shape.head_dim), &Device::Cpu)?;
        return layer.wo.forward(&y);
    }
    let (k, v) = layer.cache.tensors()?;
    let kv_len = k.dim(2)?;
    // Query heads sharing a KV head are adjacent: view them as one longer sequence per group.
    let group = shape.n_head / shape.n_kv_head;
    let q = q.reshape((b, shape.n_kv_head, group * seq, shape.head_dim))?;
    let scale = 1.0 / (shape.head_dim as f64).sqrt();
    let scores = (q.matmul(&k.t()?)? * scale)?;
    let scores = match mask {
        Some(mask) => scores
            .reshape((b, shape.n_head, seq, kv_len))?
            .broadcast_add(mask)?
            .reshape((b, shape.n_kv_head, group * seq, kv_len))?,
        None => scores,
    };
    let probs = candle_nn::ops::softmax_last_dim(&scores)?;
    let y = probs.matmul(&v)?;
    let y = y
        .reshape((b, shape.n_head, seq, shape.head_dim))?
        .transpose(1, 2)?
        .reshape((b, seq, shape.n_head * shape.head_dim))?;
    layer.wo.forward(&y)
}

/// Additive mask `(seq, position + seq)`: 0 where query `i` may see key `j`, -inf elsewhere.
fn causal_mask(seq: usize, position: usize, device: &Device) -> Result<Tensor> {
    let kv_len = position + seq;
    let values: Vec<f32> = (0..seq)
        .flat_map(|i| {
            (0..kv_len).map(move |j| {
                if j > position + i {
                    f32::NEG_INFINITY
                } else {
                    0.0
                }
            })
        })
        .collect();
    Tensor::from_vec(values, (seq, kv_len), device)
}

fn inverse_frequencies(head_dim: usize, base: f32) -> Vec<f32> {
    (0..head_dim)
        .step_by(2)
        .map(|i| 1.0 / base.powf(i as f32 / head_dim as f32))
        .collect()
}

fn rope_tables(
    inv_freq: &[f32],
    context_length: usize,
    device: &Device,
) -> Result<(Tensor, Tensor)> {
    let head_dim = inv_freq.len() * 2;
    let inv_freq = Tensor::new(inv_freq, device)?;
    let positions = Tensor::arange(0, context_length as u32, device)?
        .to_dtype(DType::F32)?
        .reshape((context_length, 1))?;
    let angles = positions.broadcast_mul(&inv_freq.reshape((1, head_dim / 2))?)?;
    Ok((angles.cos()?, angles.sin()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random values in [-1, 1).
    fn values(seed: u32, len: usize) -> Vec<f32> {
        let mut x = seed.wrapping_mul(2_654_435_761).max(1);
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x as f32 / u32::MAX as f32) * 2.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn the_cache_keeps_every_position_across_growth_and_truncation() -> Result<()> {
        let (heads, hd) = (2, 8);
        let mut cache = KvCache::default();
        let mut all_k = vec![Vec::new(); heads];
        // 300 positions in uneven steps: the buffer grows past its first 256 positions.
        for (step, added) in [1usize, 130, 1, 168].into_iter().enumerate() {
            let k = values(step as u32 + 1, heads * added * hd);
            let v: Vec<f32> = k.iter().map(|x| -x).collect();
            cache.append(
                &Tensor::from_vec(k.clone(), (1, heads, added, hd), &Device::Cpu)?,
                &Tensor::from_vec(v, (1, heads, added, hd), &Device::Cpu)?,
            )?;
            for (h, keys) in all_k.iter_mut().enumerate() {
                keys.extend_from_slice(&k[h * added * hd..(h + 1) * added * hd]);
            }
        }
        assert_eq!(cache.len, 300);
        for (h, keys) in all_k.iter().enumerate() {
            let (k, v) = cache.head(h);
            assert_eq!(k, keys.as_slice());
            assert!(v.iter().zip(keys).all(|(v, k)| *v == -k));
        }
        cache.len = 10;
        let (k, _) = cache.tensors()?;
        assert_eq!(k.dims(), &[1, heads, 10, hd]);
        Ok(())
    }

    #[test]
    fn decode_attention_matches_a_direct_computation() -> Result<()> {
        let shape = Shape {
            n_head: 6,
            n_kv_head: 2,
            head_dim: 40,
            hidden: 240,
            context_length: 512,
        };
        let (hd, len) = (shape.head_dim, 37);
        let k = values(7, shape.n_kv_head * len * hd);
        let v = values(8, shape.n_kv_head * len * hd);
        let mut cache = KvCache::default();
        cache.append(
            &Tensor::from_vec(k.clone(), (1, shape.n_kv_head, len, hd), &Device::Cpu)?,
            &Tensor::from_vec(v.clone(), (1, shape.n_kv_head, len, hd), &Device::Cpu)?,
        )?;
        let q = values(9, shape.n_head * hd);
        let got = decode_attention(&q, &cache, shape);
        let group = shape.n_head / shape.n_kv_head;
        for h in 0..shape.n_head {
            let kv = h / group;
            let scores: Vec<f64> = (0..len)
                .map(|j| {
                    (0..hd)
                        .map(|i| f64::from(q[h * hd + i]) * f64::from(k[(kv * len + j) * hd + i]))
                        .sum::<f64>()
                        / (hd as f64).sqrt()
                })
                .collect();
            let max = scores.iter().cloned().fold(f64::MIN, f64::max);
            let total: f64 = scores.iter().map(|s| (s - max).exp()).sum();
            for i in 0..hd {
                let want: f64 = (0..len)
                    .map(|j| {
                        (scores[j] - max).exp() / total * f64::from(v[(kv * len + j) * hd + i])
                    })
                    .sum();
                let diff = (f64::from(got[h * hd + i]) - want).abs();
                assert!(
                    diff < 1e-4,
                    "head {h} dim {i}: {} vs {want}",
                    got[h * hd + i]
                );
            }
        }
        Ok(())
    }
}
