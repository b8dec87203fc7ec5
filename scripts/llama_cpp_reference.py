#!/usr/bin/env python3
"""llama.cpp side of the LLM comparisons (issue 4): the same GGUF, 2 threads, greedy.

Two jobs:

  tokens  FILE.gguf CASES      print llama.cpp's token ids for the texts of CASES (JSON with
                               "cases": [{"text": ...}], e.g. the test's own
                               crates/lvshen-llm/tests/tokenizer_reference.json) as JSON;
                               the reference file the test reads was made by this command.
  bench   FILE.gguf PROMPTS    prefill and decode tok/s and peak RSS for the prompts that
                               `lvshen bench llm --prompts-out PROMPTS` wrote (same token ids).

Needs llama-cpp-python (pip). Build it without the AMX path, which crashed here
(shared/spec/model.md):
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
    -DGGML_AVX512=ON -DGGML_AVX512_VNNI=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF \
    -DGGML_AMX_BF16=OFF" pip install llama-cpp-python==0.3.36
"""
import json
import resource
import sys
import time


def load(path, vocab_only=False):
    from llama_cpp import Llama

    return Llama(
        model_path=path,
        n_ctx=4096,
        n_threads=2,
        n_threads_batch=2,
        n_batch=2048,
        n_ubatch=512,
        vocab_only=vocab_only,
        verbose=False,
    )


def tokens(path, cases_file):
    llm = load(path, vocab_only=True)
    cases = json.load(open(cases_file, encoding="utf-8"))["cases"]
    out = []
    for case in cases:
        ids = llm.tokenize(case["text"].encode("utf-8"), add_bos=False, special=False)
        out.append({"text": case["text"], "ids": ids})
    print(json.dumps({"cases": out}, ensure_ascii=False, indent=1))


def bench(path, prompts_file, new_tokens=128):
    started = time.perf_counter()
    llm = load(path)
    load_s = time.perf_counter() - started
    prompts = json.load(open(prompts_file, encoding="utf-8"))
    # warm-up
    llm.reset()
    llm.eval(prompts[0]["ids"][:8])
    rows = []
    for p in prompts:
        ids = p["ids"]
        llm.reset()
        t0 = time.perf_counter()
        llm.eval(ids)
        t1 = time.perf_counter()
        out = []
        for tok in llm.generate(ids, temp=0.0, top_k=1, repeat_penalty=1.0):
            out.append(tok)
            if len(out) >= new_tokens:
                break
        t2 = time.perf_counter()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(
            {
                "prompt": p["name"],
                "prompt_tokens": len(ids),
                "generated_tokens": len(out),
                "load_seconds": load_s,
                "prefill_tps": len(ids) / (t1 - t0),
                # generate() re-evaluates nothing (prefix matched); the first yielded token
                # comes from the logits already computed, so n tokens cost n-1 forward passes.
                "decode_tps": (len(out) - 1) / (t2 - t1),
                "peak_rss_mb": rss,
            }
        )
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "tokens":
        tokens(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "crates/lvshen-llm/tests/tokenizer_reference.json")
    elif len(sys.argv) == 4 and sys.argv[1] == "bench":
        bench(sys.argv[2], sys.argv[3])
    else:
        print(__doc__)
        sys.exit(2)
