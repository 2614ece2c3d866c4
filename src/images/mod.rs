//! Images attached to a post: decoding with limits, metadata, OCR (feature
//! `ocr`), and a redacted copy.
//!
//! This is an edge of the library, like [`crate::input`]: it turns image
//! bytes into text and positions, hands the text to the same [`Scanner`] as
//! draft text, and maps findings back to boxes in pixels. Detectors never see
//! an image.
//!
//! Nothing here writes a file or a temporary file: images are decoded in
//! memory and handed to Tesseract as pixels.
//!
//! [`Scanner`]: crate::Scanner

mod check;
mod engine;
pub mod eval;
mod layout;
pub mod metadata;
#[cfg(feature = "ocr")]
mod ocr;
mod redact;
mod xmp;

use std::io::Cursor;

#[cfg(feature = "ocr")]
pub use check::check_image;
pub use check::{check_image_with, read_text, ImageOptions, ImageReport, OcrStats, Reading};
pub use engine::{Layout, OcrEngine, OcrError};
pub use layout::{parse_tsv, OcrText, OcrWord};
#[cfg(feature = "ocr")]
pub use ocr::Tesseract;
pub use redact::{redact, OutputFormat};

/// Upper bounds for one image, checked before any pixel is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageLimits {
    /// Largest file accepted, in bytes.
    pub max_bytes: usize,
    /// Largest width or height, in pixels.
    pub max_side: u32,
    /// Largest width × height.
    pub max_pixels: u64,
}

impl Default for ImageLimits {
    /// 64 MiB files, 20,000 px sides and 50 megapixels: more than any phone
    /// camera writes (a 48 MP sensor), far less than a decompression bomb.
    fn default() -> Self {
        ImageLimits {
            max_bytes: 64 << 20,
            max_side: 20_000,
            max_pixels: 50_000_000,
        }
    }
}

/// Why an image could not be read. Every message names the cause and, where
/// there is one, what the user can do.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImageError {
    /// Zero bytes.
    #[error("the image file is empty")]
    Empty,
    /// HEIC/HEIF/AVIF, which the decoder does not read.
    #[error(
        "{0} images (what iPhones save by default) are not supported: convert to JPEG first, \
         e.g. `heif-convert photo.heic photo.jpg` (Debian package libheif-examples), \
         or set the phone's camera format to 'Most compatible'"
    )]
    Heif(&'static str),
    /// Not one of the formats read.
    /// (The file's bytes are never quoted: they may be a text with personal data.)
    #[error("not an image in a supported format (PNG, JPEG, WebP, GIF, TIFF, BMP)")]
    UnknownFormat,
    /// The file is larger than [`ImageLimits::max_bytes`].
    #[error("the file is {size} bytes; the limit is {limit} bytes")]
    FileTooLarge {
        /// File size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The header declares more pixels than allowed (a decompression bomb
    /// looks like this).
    #[error(
        "the image declares {width}×{height} pixels; the limit is {max_side} px a side and \
         {max_megapixels} megapixels (scale it down before posting)"
    )]
    TooManyPixels {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
        /// Limit on a side.
        max_side: u32,
        /// Limit on the area, in millions of pixels.
        max_megapixels: u64,
    },
    /// The decoder failed: corrupt or truncated data.
    #[error("the {format} data is corrupt or truncated: {detail}")]
    Corrupt {
        /// The format the header claimed.
        format: &'static str,
        /// The decoder's own words (never image content).
        detail: String,
    },
    /// Writing the redacted copy failed.
    #[error("could not encode the redacted copy: {0}")]
    Encode(String),
}

/// A decoded image, ready for OCR and redaction.
#[derive(Debug, Clone)]
pub struct LoadedImage {
    /// `png`, `jpeg`, `webp`, `gif`, `tiff` or `bmp`.
    pub format: &'static str,
    /// The pixels (for a GIF, the first frame).
    pub pixels: image::DynamicImage,
}

impl LoadedImage {
    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.pixels.width()
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.pixels.height()
    }
}

/// ISO-BMFF brands of the HEIF family (HEIC, AVIF), checked by magic bytes:
/// the decoder does not read them, and users should hear how to convert.
fn heif_brand(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() < 12 || &bytes[4..8] != b"ftyp" {
        return None;
    }
    match &bytes[8..12] {
        b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
            Some("HEIC/HEIF")
        }
        b"avif" | b"avis" => Some("AVIF"),
        _ => None,
    }
}

fn format_name(f: image::ImageFormat) -> Option<&'static str> {
    use image::ImageFormat as F;
    Some(match f {
        F::Png => "png",
        F::Jpeg => "jpeg",
        F::WebP => "webp",
        F::Gif => "gif",
        F::Tiff => "tiff",
        F::Bmp => "bmp",
        _ => return None,
    })
}

/// Decodes `bytes` within `limits`. The dimensions in the header are checked
/// before any pixel is decoded, and the decoder's allocations are capped, so
/// a small file declaring a huge image fails fast without using the memory.
pub fn load(bytes: &[u8], limits: &ImageLimits) -> Result<LoadedImage, ImageError> {
    if bytes.is_empty() {
        return Err(ImageError::Empty);
    }
    if bytes.len() > limits.max_bytes {
        return Err(ImageError::FileTooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    if let Some(brand) = heif_brand(bytes) {
        return Err(ImageError::Heif(brand));
    }
    let unknown = || ImageError::UnknownFormat;
    let format = image::guess_format(bytes).map_err(|_| unknown())?;
    let name = format_name(format).ok_or_else(unknown)?;
    let corrupt = |e: image::ImageError| ImageError::Corrupt {
        format: name,
        detail: e.to_string(),
    };
    let reader = || image::ImageReader::with_format(Cursor::new(bytes), format);
    let (width, height) = reader().into_dimensions().map_err(corrupt)?;
    let too_many = ImageError::TooManyPixels {
        width,
        height,
        max_side: limits.max_side,
        max_megapixels: limits.max_pixels / 1_000_000,
    };
    if width == 0 || height == 0 {
        return Err(ImageError::Corrupt {
            format: name,
            detail: format!("the header declares {width}×{height} pixels"),
        });
    }
    if width > limits.max_side
        || height > limits.max_side
        || u64::from(width) * u64::from(height) > limits.max_pixels
    {
        return Err(too_many);
    }
    let mut reader = reader();
    let mut caps = image::Limits::default();
    caps.max_image_width = Some(limits.max_side);
    caps.max_image_height = Some(limits.max_side);
    // RGBA 16-bit for every pixel, plus the decoder's own buffers.
    caps.max_alloc = Some(limits.max_pixels.saturating_mul(8) + (64 << 20));
    reader.limits(caps);
    let pixels = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => too_many,
        e => corrupt(e),
    })?;
    Ok(LoadedImage {
        format: name,
        pixels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn png_bytes(width: u32, height: u32) -> Vec<u8> {
        let img = image::GrayImage::from_pixel(width, height, image::Luma([255u8]));
        let mut out = Vec::new();
        image::DynamicImage::ImageLuma8(img)
            .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn loads_a_png() {
        let img = load(&png_bytes(30, 20), &ImageLimits::default()).unwrap();
        assert_eq!((img.format, img.width(), img.height()), ("png", 30, 20));
    }

    #[test]
    fn every_supported_format_loads() {
        let img = image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(
            12,
            9,
            image::Rgb([200, 100, 50]),
        ));
        for (format, name) in [
            (image::ImageFormat::Png, "png"),
            (image::ImageFormat::Jpeg, "jpeg"),
            (image::ImageFormat::WebP, "webp"),
            (image::ImageFormat::Gif, "gif"),
            (image::ImageFormat::Tiff, "tiff"),
            (image::ImageFormat::Bmp, "bmp"),
        ] {
            let mut bytes = Vec::new();
            img.write_to(&mut Cursor::new(&mut bytes), format).unwrap();
            let loaded = load(&bytes, &ImageLimits::default()).unwrap();
            assert_eq!(
                (loaded.format, loaded.width(), loaded.height()),
                (name, 12, 9)
            );
        }
    }

    #[test]
    fn empty_unknown_and_heic_are_clear_errors() {
        let l = ImageLimits::default();
        assert_eq!(load(b"", &l).unwrap_err(), ImageError::Empty);
        let e = load(b"Hej Anna 811228-9874", &l).unwrap_err().to_string();
        assert!(
            e.contains("not an image") && !e.contains("Anna") && !e.contains("48"),
            "{e}"
        );
        let mut heic = vec![0, 0, 0, 24];
        heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
        let e = load(&heic, &l).unwrap_err().to_string();
        assert!(e.contains("HEIC") && e.contains("heif-convert"), "{e}");
    }

    #[test]
    fn truncated_image_is_corrupt() {
        let png = png_bytes(64, 64);
        let e = load(&png[..png.len() / 2], &ImageLimits::default()).unwrap_err();
        assert!(
            matches!(e, ImageError::Corrupt { format: "png", .. }),
            "{e}"
        );
    }

    #[test]
    fn a_bomb_is_refused_from_its_header() {
        // A valid PNG header declaring 100,000 × 100,000 pixels: the IHDR
        // chunk is rewritten, with its CRC, so only the limit can stop it.
        let mut png = png_bytes(8, 8);
        png[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        let e = load(&png, &ImageLimits::default()).unwrap_err();
        assert!(
            matches!(e, ImageError::TooManyPixels { width: 100_000, .. }),
            "{e}"
        );
        let small = ImageLimits {
            max_pixels: 10,
            ..ImageLimits::default()
        };
        assert!(matches!(
            load(&png_bytes(8, 8), &small),
            Err(ImageError::TooManyPixels { .. })
        ));
        let tiny = ImageLimits {
            max_bytes: 10,
            ..ImageLimits::default()
        };
        assert!(matches!(
            load(&png_bytes(8, 8), &tiny),
            Err(ImageError::FileTooLarge { .. })
        ));
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
