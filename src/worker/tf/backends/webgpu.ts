/**
 * Entry of `hearth.webgpu.js`: registers the webgpu backend with the worker's tfjs-core, which the
 * build leaves external (mapped to `HearthTf.tf`), so there is one engine and one registry.
 */
import '@tensorflow/tfjs-backend-webgpu';
