"""Image bombs (issue 16): refused from the header, clear errors, the rest carries on.

Large real pictures decode reduced, so PDQ stays close to the full-size
hash; pictures up to 4096 pixels a side decode exactly as before.
"""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import numpy as np
import pdqhash
import pytest
from PIL import Image

from support.child import run_cli
from support.hostile_images import black_png, jpeg_claiming, png_claiming
from support.web import csrf, make_client
from unsnare.errors import HashingError, InputError
from unsnare.hashing.pdq import hash_file, hash_image_bytes, pdq_hex
from unsnare.imaging.decode import open_image

BOMBS = {
    "claims-65535.png": lambda: png_claiming(65535, 65535),
    "claims-30000.png": lambda: png_claiming(30000, 30000),
    "black-12000.png": lambda: black_png(12000, 12000),  # 140 KB, 144 megapixels
    "claims-65000.jpg": lambda: jpeg_claiming(65000, 65000),
}


def _textured(width: int, height: int, seed: int = 3) -> Image.Image:
    # Smooth structure with some blocks, like a photo at PDQ's 64x64 scale.
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    blocks = rng.integers(0, 255, (6, 8, 3)).astype(np.float32)
    tiles = blocks.repeat(height // 6 + 1, 0).repeat(width // 8 + 1, 1)[:height, :width]
    wave = (np.sin(x / 97.0) * np.cos(y / 61.0) * 60.0)[..., None]
    return Image.fromarray(np.clip(tiles * 0.7 + wave + 40, 0, 255).astype(np.uint8), "RGB")


def _png(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG", compress_level=1)
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_a_bomb_is_refused_from_its_header_by_the_hasher(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BOMBS[name]())
    with pytest.raises(HashingError, match="too large to read safely") as caught:
        hash_file(path)
    assert caught.value.file == str(path) and caught.value.hint


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_a_bomb_is_refused_by_the_screenshot_reader(name: str) -> None:
    with pytest.raises(InputError, match="too large to open safely"):
        open_image(BOMBS[name](), name=name)


def test_protect_a_folder_with_a_bomb_hashes_the_rest_and_exits_3(tmp_path: Path) -> None:
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "bomb.png").write_bytes(BOMBS["black-12000.png"]())
    (pictures / "claims.jpg").write_bytes(BOMBS["claims-65000.jpg"]())
    (pictures / "me.png").write_bytes(_png(_textured(640, 480)))
    out = tmp_path / "out" / "lists"
    run = run_cli("protect", str(pictures), "--out", str(out))
    assert run.exit_code == 3, run.stderr
    assert "bomb.png" in run.stderr and "too large" in run.stderr
    assert "Traceback" not in run.stderr
    listed = json.loads((out / "unsnare-hash-list.json").read_text("utf-8"))
    assert "me.png" in json.dumps(listed) and "bomb.png" not in json.dumps(listed)
    # The hash list says which pictures a person is protecting: owner-only.
    for made in (out / "unsnare-hash-list.json", out / "unsnare-hash-list.csv"):
        assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o700
    # 144 megapixels took 4.6 GB before; now the largest decode is 4096 a side.
    assert run.peak_bytes < 700 * 1024 * 1024


def test_a_large_picture_is_hashed_reduced_and_close_to_its_full_size_hash() -> None:
    img = _textured(6000, 4000)
    bits, _ = pdqhash.compute(np.asarray(img))
    full = int(pdq_hex(bits), 16)
    reduced = hash_image_bytes(_png(img), name="wide.png")
    assert reduced.pdq is not None
    assert bin(full ^ int(reduced.pdq, 16)).count("1") <= 16  # PDQ's match threshold is 31


def test_a_picture_up_to_4096_a_side_is_hashed_exactly_as_before() -> None:
    img = _textured(4096, 1024)
    bits, quality = pdqhash.compute(np.asarray(img))
    hashes = hash_image_bytes(_png(img), name="edge.png")
    assert (hashes.pdq, hashes.quality) == (pdq_hex(bits), int(quality))


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_the_web_answers_a_bomb_with_a_clear_4xx_or_page(tmp_path: Path, name: str) -> None:
    data = BOMBS[name]()
    with make_client(tmp_path) as client:
        for path in ("/api/v1/hashes", "/api/v1/lookup/image"):
            answer = client.post(path, files={"file": (name, data, "application/octet-stream")})
            assert answer.status_code == 422, (path, answer.text)
            assert "too large" in answer.json()["error"]
        page = client.post(
            "/protect",
            data={"csrf_token": csrf(client, "/protect")},
            files={"files": (name, data, "image/png")},
        )
        assert page.status_code == 200 and "too large" in page.text


def test_match_answers_a_bomb_with_the_input_error_code(tmp_path: Path) -> None:
    path = tmp_path / "claims.png"
    path.write_bytes(BOMBS["claims-65535.png"]())
    run = run_cli("match", str(path), env={"UNSNARE_DATA_DIR": str(tmp_path / "data")})
    assert run.exit_code == 3, run.stderr
    assert "too large" in run.stderr and "Traceback" not in run.stderr
