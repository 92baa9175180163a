namespace Coloc.Core.Regions;

/// <summary>One region of an atlas ontology (Allen-style).</summary>
/// <param name="Id">Region id as drawn in the labels (the mirrored hemisphere uses <c>−Id</c>).</param>
/// <param name="ParentId">The parent's id, null for a root.</param>
/// <param name="Name">Full name, e.g. <c>Primary motor area</c>.</param>
/// <param name="Acronym">Short name, e.g. <c>MOp</c>; empty when the file has none.</param>
/// <param name="Level">Depth in the tree (root 0): Allen's <c>st_level</c> when the file gives it, else the depth.</param>
public sealed record OntologyRegion(long Id, long? ParentId, string Name, string Acronym, int Level);
