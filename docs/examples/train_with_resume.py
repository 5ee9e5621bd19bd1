"""A PyTorch training script that honours Pailot's resume contract (docs/training.md, "Spot runs").

A spot run submits this script again after every preemption. Each attempt learns from environment
variables where checkpoints live and where to resume:

  PAILOT_CHECKPOINT_DIR    the checkpoint directory as the pods see it (the same on every attempt)
  PAILOT_ATTEMPT           1, 2, 3, ...
  PAILOT_RESUME_FROM_STEP  the newest complete checkpoint the SDK found; 0 means start from scratch

Checkpoint N is the directory step-N/ under PAILOT_CHECKPOINT_DIR. It is written into a temporary
directory first, moved into place, and only then gets its marker step-N/_COMPLETE: a checkpoint cut
short by a preemption has no marker, and neither the SDK nor this script ever resumes from it.

Run it with torchrun; only rank 0 writes checkpoints. Documentation: not run by Pailot's build.
"""
import os
import shutil
import tempfile

import torch
import torch.distributed as dist

MARKER = "_COMPLETE"
CKPT_DIR = os.environ.get("PAILOT_CHECKPOINT_DIR", "/mnt/ckpt")
ATTEMPT = int(os.environ.get("PAILOT_ATTEMPT", "1"))
TOTAL_STEPS = int(os.environ.get("TOTAL_STEPS", "10000"))
CHECKPOINT_EVERY = int(os.environ.get("CHECKPOINT_EVERY_STEPS", "500"))
RANK = int(os.environ.get("RANK", "0"))


def step_dir(step):
    return os.path.join(CKPT_DIR, f"step-{step}")


def is_complete(step):
    return os.path.isfile(os.path.join(step_dir(step), MARKER))


def newest_complete():
    """The newest checkpoint with its marker; 0 if there is none. Incomplete ones are skipped."""
    if not os.path.isdir(CKPT_DIR):
        return 0
    steps = [int(name[5:]) for name in os.listdir(CKPT_DIR)
             if name.startswith("step-") and name[5:].isdigit()]
    return max((s for s in steps if is_complete(s)), default=0)


def resume_step():
    """PAILOT_RESUME_FROM_STEP when the SDK set it, else (run by hand) the newest complete one."""
    requested = os.environ.get("PAILOT_RESUME_FROM_STEP")
    step = int(requested) if requested is not None else newest_complete()
    if step > 0 and not is_complete(step):
        # Never fall back to step 0 silently: that would throw away the work of every attempt.
        raise FileNotFoundError(f"checkpoint {step_dir(step)} is missing or has no {MARKER}")
    return step


def save(step, model, optimizer):
    """Writes checkpoint `step`: files into a temporary directory, move, then the marker, last."""
    os.makedirs(CKPT_DIR, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=f".tmp-step-{step}-", dir=CKPT_DIR)  # not a step-N name
    torch.save({"step": step, "model": model.state_dict(), "optimizer": optimizer.state_dict()},
               os.path.join(tmp, "checkpoint.pt"))
    final = step_dir(step)
    if os.path.exists(final):  # a half-written leftover of a preempted attempt
        shutil.rmtree(final)
    os.rename(tmp, final)
    with open(os.path.join(final, MARKER), "w") as marker:  # the marker is always written last
        marker.write(f"{step}\n")
    print(f"Saved checkpoint step-{step}.", flush=True)


def main():
    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    if distributed:
        dist.init_process_group("nccl" if torch.cuda.is_available() else "gloo")
    model = torch.nn.Linear(128, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

    start = resume_step()
    if start > 0:
        state = torch.load(os.path.join(step_dir(start), "checkpoint.pt"), map_location="cpu")
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        print(f"Attempt {ATTEMPT}: resuming from checkpoint step-{start}.", flush=True)
    else:
        print(f"Attempt {ATTEMPT}: no checkpoint, starting from step 0.", flush=True)

    for step in range(start + 1, TOTAL_STEPS + 1):
        batch = torch.randn(32, 128)
        loss = model(batch).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        # "step N/T" lines let the SDK report the steps a preemption lost (its step log pattern).
        print(f"step {step}/{TOTAL_STEPS} loss={loss.item():.4f}", flush=True)
        if step % CHECKPOINT_EVERY == 0 or step == TOTAL_STEPS:
            if distributed:
                dist.barrier()
            if RANK == 0:
                save(step, model, optimizer)
    if distributed:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
