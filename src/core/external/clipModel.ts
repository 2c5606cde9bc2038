/** Which CLIP the app uses and where it is published: constants the page can import without the model code. */
export const CLIP_EXTRACTOR_ID = 'clip-vit-b32';
export const CLIP_HUB_MODEL = 'Xenova/clip-vit-base-patch32';
export const CLIP_HUB_URL = 'https://huggingface.co/';
/** What the user downloads with consent: the 8-bit image and text encoders (≈ 88 + 64 MB). */
export const CLIP_DOWNLOAD_MB = 150;
