"""``transformer``: full fine-tuning of one encoder with a linear head per task (PyTorch, CPU or GPU)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from stancelib.persistence import read_json, write_json
from stancelib.scheme import Scheme
from stancelib.training.base import Backend, Probas, Targets
from stancelib.training.encoders import encoder_info, resolve_encoder
from stancelib.training.registry import register_backend


def _device(choice: str | None):
    import torch

    if choice and choice != "auto":
        return torch.device(choice)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


class _MultiTaskModel:
    """An AutoModel encoder, mean pooling, dropout and one nn.Linear per task."""

    def __init__(self, encoder_path: Path, scheme: Scheme, dropout: float, config_only: bool = False):
        import torch
        from transformers import AutoConfig, AutoModel

        self.encoder = (AutoModel.from_config(AutoConfig.from_pretrained(str(encoder_path))) if config_only
                        else AutoModel.from_pretrained(str(encoder_path)))
        hidden = self.encoder.config.hidden_size
        self.heads = torch.nn.ModuleDict({t.name: torch.nn.Linear(hidden, len(t.labels)) for t in scheme})
        self.dropout = torch.nn.Dropout(dropout)
        self.modules = torch.nn.ModuleDict({"encoder": self.encoder, "heads": self.heads, "dropout": self.dropout})

    def __call__(self, batch):
        out = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(out.dtype)
        pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1e-6)
        pooled = self.dropout(pooled)
        return {name: head(pooled) for name, head in self.heads.items()}


@register_backend("transformer")
class TransformerBackend(Backend):
    """Fine-tunes all encoder weights with per-task losses: class-weighted cross-entropy for
    single-label tasks, BCE with positive weights for multi-label tasks. Uses a GPU when present."""

    cheap_refit = False
    defaults = {"encoder": "minilm", "epochs": 4, "batch_size": 16, "learning_rate": 5e-5, "max_length": 128,
                "weight_decay": 0.01, "warmup_ratio": 0.1, "dropout": 0.1, "seed": 0, "device": "auto",
                "max_steps": -1}

    def _tokenizer(self, path: Path):
        from transformers import AutoTokenizer

        return AutoTokenizer.from_pretrained(str(path))

    def fit(self, texts: Sequence[str], targets: Targets, *, progress: bool = False) -> "TransformerBackend":
        import torch
        from tqdm.auto import tqdm

        o = self.options
        torch.manual_seed(o["seed"])
        path = resolve_encoder(o["encoder"])
        self.tokenizer = self._tokenizer(path)
        self.net = _MultiTaskModel(path, self.scheme, o["dropout"])
        dev = _device(o["device"])
        self.net.modules.to(dev)
        losses = {}
        for t in self.scheme:
            y = targets[t.name]
            if t.multi_label:
                pos = y.sum(0)
                w = torch.tensor((len(y) - pos) / np.maximum(pos, 1), dtype=torch.float32).clamp(max=20)
                losses[t.name] = torch.nn.BCEWithLogitsLoss(pos_weight=w.to(dev))
            else:
                counts = np.bincount(y, minlength=len(t.labels)).astype(np.float64)
                w = len(y) / (len(t.labels) * np.maximum(counts, 1))
                losses[t.name] = torch.nn.CrossEntropyLoss(weight=torch.tensor(w, dtype=torch.float32).to(dev))
        n = len(texts)
        steps_per_epoch = math.ceil(n / o["batch_size"])
        total = steps_per_epoch * o["epochs"] if o["max_steps"] < 0 else o["max_steps"]
        opt = torch.optim.AdamW(self.net.modules.parameters(), lr=o["learning_rate"], weight_decay=o["weight_decay"])
        warm = max(1, int(total * o["warmup_ratio"]))
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (total - s) / max(1, total - warm)))
        rng = np.random.default_rng(o["seed"])
        self.net.modules.train()
        step = 0
        bar = tqdm(total=total, desc="fine-tuning", disable=not progress)
        while step < total:
            order = rng.permutation(n)
            for start in range(0, n, o["batch_size"]):
                if step >= total:
                    break
                idx = order[start:start + o["batch_size"]]
                batch = self.tokenizer([texts[i] for i in idx], padding=True, truncation=True,
                                       max_length=o["max_length"], return_tensors="pt").to(dev)
                logits = self.net(batch)
                loss = 0.0
                for t in self.scheme:
                    yt = torch.tensor(targets[t.name][idx], device=dev)
                    loss = loss + losses[t.name](logits[t.name], yt.float() if t.multi_label else yt)
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.net.modules.parameters(), 1.0)
                opt.step()
                sched.step()
                step += 1
                bar.update(1)
        bar.close()
        self.net.modules.eval()
        return self

    def predict_proba(self, texts: Sequence[str]) -> Probas:
        import torch

        dev = next(self.net.modules.parameters()).device
        outs: dict[str, list] = {t.name: [] for t in self.scheme}
        with torch.inference_mode():
            for start in range(0, len(texts), 64):
                batch = self.tokenizer(list(texts[start:start + 64]), padding=True, truncation=True,
                                       max_length=self.options["max_length"], return_tensors="pt").to(dev)
                logits = self.net(batch)
                for t in self.scheme:
                    z = logits[t.name].float()
                    outs[t.name].append((torch.sigmoid(z) if t.multi_label else torch.softmax(z, -1)).cpu().numpy())
        return {k: (np.concatenate(v) if v else np.zeros((0, len(self.scheme[k].labels)))).astype(np.float64)
                for k, v in outs.items()}

    def save(self, folder: Path) -> None:
        from safetensors.torch import save_file

        enc = folder / "encoder"
        enc.mkdir(exist_ok=True)
        self.net.encoder.config.save_pretrained(str(enc))
        self.tokenizer.save_pretrained(str(enc))
        state = {f"modules.{k}": v.detach().cpu().contiguous() for k, v in self.net.modules.state_dict().items()}
        save_file(state, str(folder / "weights.safetensors"))
        write_json({"tasks": self.scheme.task_names}, folder / "transformer.json")

    @classmethod
    def load(cls, folder: Path, scheme: Scheme, options: dict[str, Any]) -> "TransformerBackend":
        from safetensors.torch import load_file

        b = cls(scheme, **options)
        read_json(folder / "transformer.json")
        b.tokenizer = b._tokenizer(folder / "encoder")
        b.net = _MultiTaskModel(folder / "encoder", scheme, b.options["dropout"], config_only=True)
        state = {k.removeprefix("modules."): v for k, v in load_file(str(folder / "weights.safetensors")).items()}
        b.net.modules.load_state_dict(state)
        b.net.modules.to(_device(b.options["device"]))
        b.net.modules.eval()
        return b

    def describe(self) -> dict[str, Any]:
        return {"base_encoder": encoder_info(resolve_encoder(self.options["encoder"]))}
