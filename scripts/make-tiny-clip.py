#!/usr/bin/env python3
"""Write a tiny CLIP-like model folder that transformers.js loads like the real one.

Tests cannot download CLIP (no network), so they load this instead through the same code path
(a user-chosen local folder). The layout is that of the hub's ONNX CLIP exports:

  config.json                 model_type "clip" (CLIPTextModelWithProjection / …VisionModel… read it)
  preprocessor_config.json    image size, mean and std (the extractor reads them to preprocess)
  tokenizer.json, tokenizer_config.json
  onnx/text_model.onnx        input_ids (batch × length, int64) → text_embeds (batch × 8)
  onnx/vision_model.onnx      pixel_values (batch × 3 × 8 × 8) → image_embeds (batch × 8)

The towers are simple enough to predict, so a test can fail: the vision tower takes each colour
channel's mean and subtracts the mean over channels (a red image points along axis 0, green along
1, blue along 2); the text tower sums one row of a table per token, and the words "red", "green",
"blue" have rows along axes 0, 1, 2 (the other words of the vocabulary point along axes 3 to 7,
"cat" and "dog" among them; unknown words and padding are zero). So the text centre of "red" is
nearest to the red images.

Usage: make-tiny-clip.py OUTPUT_DIR   (needs Debian's python3-onnx, which brings numpy)
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

DIM = 8
SIZE = 8
WORDS = ["red", "green", "blue", "cat", "dog", "car", "tree", "house"]
SPECIAL = ["[PAD]", "[UNK]"]
VOCAB = {token: i for i, token in enumerate(SPECIAL + WORDS + ["a", "photo", "of", "."])}
# ONNX Runtime 1.2x reads IR 8 / opset 17 models; older IRs stay readable by newer runtimes.
OPSET = 17
IR_VERSION = 8


def save(graph, path):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="priorscope-tiny-clip")
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model)
    onnx.save(model, path)


def vision_model(path):
    # Channel means (batch × 3), centred over the channels, then placed on the first three axes.
    project = np.zeros((3, DIM), dtype=np.float32)
    project[:3, :3] = np.eye(3, dtype=np.float32) - 1.0 / 3.0
    nodes = [
        helper.make_node("ReduceMean", ["pixel_values"], ["channel_means"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["channel_means", "project"], ["image_embeds"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny_clip_vision",
        [helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["batch", 3, SIZE, SIZE])],
        [helper.make_tensor_value_info("image_embeds", TensorProto.FLOAT, ["batch", DIM])],
        [numpy_helper.from_array(project, "project")],
    )
    save(graph, path)


def text_model(path):
    table = np.zeros((len(VOCAB), DIM), dtype=np.float32)
    for axis, word in enumerate(WORDS):
        table[VOCAB[word], axis] = 1.0
    nodes = [
        helper.make_node("Gather", ["table", "input_ids"], ["token_vectors"], axis=0),
        helper.make_node("ReduceSum", ["token_vectors", "sum_axis"], ["text_embeds"], keepdims=0),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny_clip_text",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "length"])],
        [helper.make_tensor_value_info("text_embeds", TensorProto.FLOAT, ["batch", DIM])],
        [numpy_helper.from_array(table, "table"), numpy_helper.from_array(np.array([1], dtype=np.int64), "sum_axis")],
    )
    save(graph, path)


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1)


def main(out):
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    vision_model(os.path.join(out, "onnx", "vision_model.onnx"))
    text_model(os.path.join(out, "onnx", "text_model.onnx"))
    write_json(os.path.join(out, "config.json"), {
        "model_type": "clip",
        "projection_dim": DIM,
        "text_config": {"model_type": "clip_text_model", "hidden_size": DIM, "vocab_size": len(VOCAB)},
        "vision_config": {"model_type": "clip_vision_model", "hidden_size": DIM, "image_size": SIZE, "patch_size": SIZE},
    })
    write_json(os.path.join(out, "preprocessor_config.json"), {
        "image_processor_type": "CLIPImageProcessor",
        "do_resize": True,
        "size": {"shortest_edge": SIZE},
        "do_center_crop": True,
        "crop_size": {"height": SIZE, "width": SIZE},
        "do_normalize": True,
        "image_mean": [0.0, 0.0, 0.0],
        "image_std": [1.0, 1.0, 1.0],
    })
    write_json(os.path.join(out, "tokenizer.json"), {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": VOCAB[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
            for t in SPECIAL
        ],
        "normalizer": {"type": "Lowercase"},
        "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": None,
        "decoder": None,
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": VOCAB},
    })
    write_json(os.path.join(out, "tokenizer_config.json"), {
        "tokenizer_class": "CLIPTokenizer",
        "pad_token": "[PAD]",
        "unk_token": "[UNK]",
        "model_max_length": 77,
    })


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make-tiny-clip.py OUTPUT_DIR")
    main(sys.argv[1])
