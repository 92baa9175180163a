using Coloc.Core.Geometry;
using Coloc.Core.Regions;

namespace Coloc.IO.Labels;

/// <summary>A labels image read from a file: the ids and, when the file records it, the voxel size.</summary>
/// <param name="Grid">The ids, z,y,x.</param>
/// <param name="SpacingUm">Voxel size z,y,x in µm as the file states it (MetaImage ElementSpacing, NIfTI pixdim in mm converted, TIFF calibration); null when unknown (NPY).</param>
public sealed record LabelsImage(LabelGrid Grid, Zyx? SpacingUm);
