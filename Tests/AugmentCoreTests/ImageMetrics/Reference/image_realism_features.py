"""Image realism features as published libraries compute them (NumPy, SciPy, scikit-image).

The reference for `ImageRealismFeatures` in AugmentCore: each feature is computed here from its
definition with library code, independently of the Swift implementation, on the integer levels of
the image divided by the largest level (255 or 65535).

- luma: Rec. 709 weights on the stored values (gray images: the one channel).
- luma_p05, luma_p50, luma_p95: numpy.percentile (linear interpolation) of luma. The Swift side reads
  them from a 4096-bin histogram, so they agree to 1/4096.
- grid_r{row}c{col}: mean luma of each cell of a 4×4 grid (cell edges at ceil(i·size/4), so pixel x
  is in column floor(4x/width)) divided by the frame's mean luma (1 for a black frame or empty cell).
- chroma_mean: mean of max(R,G,B) − min(R,G,B) (HSV chroma: skimage.color.rgb2hsv's S·V).
- hue_cos, hue_sin: direction of the chroma-weighted mean of the hue angle (rgb2hsv's H · 2π), i.e.
  Σ C·(cos h, sin h) normalised to unit length; (0, 0) for an image without chroma.
- rms_contrast: population standard deviation of luma.
- log_sharpness: log10(1 + variance of the Laplacian of luma·255), scipy.ndimage.laplace with
  mode 'mirror' (OpenCV's BORDER_REFLECT_101).
- noise_sigma: Immerkær (1996), "Fast noise variance estimation", CVIU 64(2): 300-302:
  σ = sqrt(π/2) / (6 (W−2)(H−2)) · Σ |luma ∗ N| over the interior, N = [[1,−2,1],[−2,4,−2],[1,−2,1]]
  (scipy.signal.convolve2d, mode 'valid').
- highlight_area: fraction of pixels whose luma is at least HIGHLIGHT_LUMA.
- highlight_compactness: the highlight pixels' area over the area of the ellipse with the same second
  moments, 4π·sqrt(λ1·λ2) (skimage.measure.regionprops' inertia_tensor_eigvals of the mask as one
  region): near 1 for one filled ellipse, small for scattered specks; 0 with fewer than two highlight
  pixels.
"""

import numpy as np
from scipy import ndimage, signal
from skimage import color, measure

REC709 = np.array([0.2126, 0.7152, 0.0722])
HIGHLIGHT_LUMA = 0.92
GRID = 4

NAMES = (["luma_p05", "luma_p50", "luma_p95"]
         + [f"grid_r{r}c{c}" for r in range(GRID) for c in range(GRID)]
         + ["chroma_mean", "hue_cos", "hue_sin", "rms_contrast", "log_sharpness", "noise_sigma",
            "highlight_area", "highlight_compactness"])


def normalised(levels, max_level):
    """Integer levels (H×W×C) as floats in 0..1."""
    return np.asarray(levels, dtype=np.float64) / max_level


def luma_of(image):
    colors = 1 if image.shape[-1] <= 2 else 3
    return image[..., 0] if colors == 1 else image[..., :3] @ REC709


def grid_means(luma):
    height, width = luma.shape
    mean = luma.mean()
    rows = [-(-i * height // GRID) for i in range(GRID + 1)]
    cols = [-(-i * width // GRID) for i in range(GRID + 1)]
    cells = [luma[rows[r]:rows[r + 1], cols[c]:cols[c + 1]] for r in range(GRID) for c in range(GRID)]
    return [float(cell.mean() / mean) if mean > 0 and cell.size > 0 else 1.0 for cell in cells]


def chroma_and_hue(image):
    if image.shape[-1] <= 2:
        return 0.0, 0.0, 0.0
    hsv = color.rgb2hsv(image[..., :3])
    chroma = hsv[..., 1] * hsv[..., 2]
    angle = 2 * np.pi * hsv[..., 0]
    x, y = (chroma * np.cos(angle)).sum(), (chroma * np.sin(angle)).sum()
    length = np.hypot(x, y)
    direction = (x / length, y / length) if length > 0 else (0.0, 0.0)
    return float(chroma.mean()), float(direction[0]), float(direction[1])


def log_sharpness(luma):
    return float(np.log10(1 + ndimage.laplace(luma * 255, mode="mirror").var()))


def immerkaer_sigma(luma):
    height, width = luma.shape
    kernel = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], dtype=np.float64)
    total = np.abs(signal.convolve2d(luma, kernel, mode="valid")).sum()
    return float(np.sqrt(np.pi / 2) * total / (6 * (width - 2) * (height - 2)))


def highlights(luma):
    mask = luma >= HIGHLIGHT_LUMA
    area = int(mask.sum())
    if area < 2:
        return area / mask.size, 0.0
    region = measure.regionprops(mask.astype(np.uint8))[0]
    first, second = region.inertia_tensor_eigvals
    spread = 4 * np.pi * np.sqrt(max(first * second, 0.0))
    return area / mask.size, float(min(area / spread, 1.0) if spread > 0 else 1.0)


def measure_features(levels, max_level=255):
    """The features of an image given as integer levels (H×W×C), in NAMES order."""
    image = normalised(levels, max_level)
    luma = luma_of(image)
    percentiles = [float(v) for v in np.percentile(luma, [5, 50, 95])]
    chroma, hue_cos, hue_sin = chroma_and_hue(image)
    area, compactness = highlights(luma)
    return (percentiles + grid_means(luma)
            + [chroma, hue_cos, hue_sin, float(luma.std()), log_sharpness(luma), immerkaer_sigma(luma),
               area, compactness])
