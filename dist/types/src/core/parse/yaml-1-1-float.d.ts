/**
 * The yaml package's YAML 1.1 schema (used for a document that declares `%YAML 1.1`) resolves a
 * plain scalar to an exponent float when it matches `[-+]?([0-9][0-9_]*)?(\.[0-9_]*)?[eE][-+]?[0-9]+`:
 * the mantissa is optional there, so `e00`, `E1`, `e-3` are floats, parseFloat gives NaN, and
 * every such key of a mapping is "NaN", a duplicate of the one before. Unity writes every 4x4
 * matrix so (`e00: 1`, `e01: 0` ... `e33: 1`: a Tilemap's m_TileMatrixArray): each tile asset,
 * palette and scene then failed with 15 duplicate keys per matrix. No reader takes them as
 * numbers: YAML 1.1's float needs digits and a dot (yaml.org/type/float.html), PyYAML's resolver
 * too, and YAML 1.2's core schema a digit before the exponent. The exponent form is kept as the
 * yaml package reads it (`1e5`), with a digit required before it; `.5e3` stays a float. Pure.
 */
import type { Tags } from "yaml";
/** The schema's tags with an exponent float that takes a bare `e00` made to need a mantissa (the 1.1 schema's only). */
export declare function withMantissaBeforeExponent(tags: Tags): Tags;
