using System.Globalization;
using System.Text.Json;
using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Magmap;
using Coloc.Core.Parameters;
using Coloc.Core.Regions;
using Coloc.IO.Csv;
using Coloc.IO.Images;
using Coloc.IO.Labels;
using Coloc.IO.Tiff;

namespace Coloc.IO.Regions;

/// <summary>
/// One per-region analysis from parameter values (<c>coloc regions</c>, <c>coloc run --labels</c>, the C ABI's
/// <c>coloc_regions</c>): every input is read and checked in <see cref="Prepare"/> (one line, exit 2, nothing written),
/// then <see cref="Execute"/> computes and writes all files at once.
/// </summary>
public sealed class RegionRun
{
    private RegionRun(RegionRequest request, Func<long, string> name, Func<long, string> shortName, double voxelUm3,
        Action<Utf8JsonWriter> parameters)
    {
        Request = request;
        _name = name;
        _shortName = shortName;
        _voxelUm3 = voxelUm3;
        _parameters = parameters;
    }

    private readonly Func<long, string> _name;
    private readonly Func<long, string> _shortName;
    private readonly double _voxelUm3;
    private readonly Action<Utf8JsonWriter> _parameters;

    /// <summary>The analysis to run.</summary>
    public RegionRequest Request { get; }

    /// <summary>A region's short name for plots: the ontology's acronym (<c>-</c> before it for the mirrored
    /// hemisphere), else the id.</summary>
    public Func<long, string> ShortName => _shortName;

    /// <summary>Reads and checks the inputs named by <paramref name="values"/>.</summary>
    /// <param name="values">The command's values.</param>
    /// <param name="blobPath">The blob CSV (read unless <paramref name="blobsRead"/> is given; names it in messages).</param>
    /// <param name="matchFolder">The matches folder.</param>
    /// <param name="blobsRead">The blobs, when the caller has them.</param>
    /// <param name="image">The image's shape and calibration when the caller has the image open (<c>coloc run</c>).</param>
    /// <param name="openImage">Opens <c>--image</c> when the shape comes from it: the front's widest reader (the CLI's
    /// reads HDF5 too); default <see cref="ImageFiles.Open"/> (TIFF, OME-TIFF, plane folders).</param>
    /// <param name="labelsRead">The labels and the name they go by, when the caller has them (Fiji's open labels image
    /// or rasterised ROIs); checked as <see cref="CheckLabels"/> does.</param>
    /// <param name="matchesRead">The matches, when the caller computed them (then <paramref name="matchFolder"/> only names them).</param>
    public static RegionRun Prepare(IParameterValues values, string blobPath, string matchFolder, Blob[]? blobsRead = null,
        (ZyxInt Shape, Zyx? ResolutionUm)? image = null, Func<string, ImageStack>? openImage = null,
        (string Name, LabelGrid Grid)? labelsRead = null, MatchFolder? matchesRead = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        int threads = values.Integer(SharedParameters.Threads, Environment.ProcessorCount);
        var (imageShape, imageRes) = image ?? ImageShape(values, openImage ?? (path => ImageFiles.Open(path)));
        var (labelsPath, labels, ontologyPath, ontology, level) = labelsRead is { } given
            ? CheckLabels(values, given.Name, given.Grid, imageShape)
            : ReadLabels(values, imageShape);
        var ls = labels.Shape;

        var blobs = blobsRead ?? BlobCsv.Read(blobPath, threads);
        var folder = matchesRead ?? MatchFolder.Read(matchFolder);
        folder.CheckAgainst(blobs, matchFolder, blobPath);

        var selected = values.Channels(SharedParameters.Channels);
        var channels = (selected ?? blobs.Select(b => (int)b.Channel).Distinct().ToArray()).Order().ToArray();
        var pairs = folder.Pairs.Where(p => channels.Contains(p.Pair.A) && channels.Contains(p.Pair.B)).ToList();
        if (pairs.Count == 0) throw new ColocFormatException($"{matchFolder}: no match table for the channels {string.Join(",", channels)}");

        var resolution = values.PositiveVector(SharedParameters.Resolution) ?? imageRes ?? Zyx.All(1);
        var modeText = values.Get(RegionParameters.Mode) ?? folder.Mode ?? "exact";
        var mode = ParameterText.Choice(RegionParameters.Mode, modeText) == "magmap" ? MatchMode.Magmap : MatchMode.Exact;
        var profile = ProfileParameters.Of(values);
        var tolFlag = values.PositiveVector(SharedParameters.Tolerance);
        var tolUm = values.PositiveVector(SharedParameters.ToleranceUm);
        // Fiji gives the tolerance with its unit (micron|pixel); the command line has --tol and --tol-um instead.
        if (values.Get(SharedParameters.ToleranceUnit) == "micron") (tolFlag, tolUm) = (null, tolUm ?? tolFlag);
        if (tolFlag is not null && tolUm is not null)
            throw new ParameterException(SharedParameters.ToleranceUm, "not with {0} (give the tolerance in voxels or in µm)", SharedParameters.Tolerance);
        var profileTol = new MagmapBlockGeometry(profile, resolution).MatchTolVoxels;
        if (mode == MatchMode.Magmap && (tolFlag ?? tolUm) is not null)
            throw new ParameterException(tolFlag is null ? SharedParameters.ToleranceUm : SharedParameters.Tolerance,
                "magmap stack matching always uses the profile's tolerance; use {0} exact", RegionParameters.Mode);
        Zyx? tolUmVoxels = tolUm is { } u ? u / resolution : null;
        var tol = mode == MatchMode.Magmap ? profileTol : tolFlag ?? tolUmVoxels ?? folder.TolVoxels ?? profileTol;

        var template = new MatchRequest
        {
            Mode = mode, ShapeVoxels = imageShape, TolVoxels = mode == MatchMode.Exact ? tol : null,
            Profile = profile, ResolutionUm = resolution, Threads = 1,
        };
        MatchEngine.Validate(template);
        var request = new RegionRequest
        {
            Blobs = blobs, Pairs = pairs, Channels = channels, Labels = labels, ImageShape = imageShape, TolVoxels = tol,
            Rematch = (pair, bs) => MatchEngine.Run(bs, template with { Channels = [pair.A, pair.B] })[pair] ?? BlobMatch.Empty(),
            ExactRematch = mode == MatchMode.Exact,
            Permutations = values.Integer(RegionParameters.Permutations, 199),
            Seed = values.Integer(RegionParameters.Seed, 1),
            Threads = threads, Ontology = ontology, Level = level,
            ResolutionUm = resolution, LMaxRadiusUm = RegionParameters.LMaxRadiusUm(values, tol * resolution),
        };
        var scaling = GridScaler.FromShapes(imageShape, ls).Scaling;
        var spacing = resolution / scaling;
        string Name(long id) => ontology?.Find(id)?.Name ?? (id == 0 ? "background" : "");
        string ShortName(long id) => ontology?.Find(id) is { Acronym.Length: > 0 } r
            ? (id < 0 ? "-" : "") + r.Acronym
            : id.ToString(CultureInfo.InvariantCulture);
        void Parameters(Utf8JsonWriter w)
        {
            w.WriteString("blobs", blobPath);
            w.WriteString("matches", matchFolder);
            w.WriteString("labels", labelsPath);
            if (ontologyPath is not null) w.WriteString("ontology", ontologyPath);
            if (level is int l) w.WriteNumber("level", l);
            Vec(w, "labels_shape_zyx", ls.Z, ls.Y, ls.X);
            Vec(w, "image_shape_zyx", imageShape.Z, imageShape.Y, imageShape.X);
            Vec(w, "scaling_zyx", scaling.Z, scaling.Y, scaling.X);
            Vec(w, "resolution_um_zyx", resolution.Z, resolution.Y, resolution.X);
            Vec(w, "labels_spacing_um_zyx", spacing.Z, spacing.Y, spacing.X);
            w.WriteString("mode", mode.ToString().ToLowerInvariant());
            Vec(w, "tol_voxels", tol.Z, tol.Y, tol.X);
            w.WriteStartArray("channels");
            foreach (int c in channels) w.WriteNumberValue(c);
            w.WriteEndArray();
            w.WriteNumber("permutations", request.Permutations);
            w.WriteNumber("seed", request.Seed);
            w.WriteNumber("l_max_um", request.LMaxRadiusUm);
            w.WriteString("null_model", "channel b redrawn uniformly over the voxels of its region, rematched, counted by channel a's region");
        }
        return new RegionRun(request, Name, ShortName, spacing.Z * spacing.Y * spacing.X, Parameters);
    }

    /// <summary>Runs the analysis and writes <paramref name="outDir"/>.</summary>
    /// <param name="outDir">Output folder (all-or-nothing); null = compute only (Fiji without an output folder).</param>
    /// <param name="cancellationToken">Stops the analysis (nothing is written).</param>
    /// <param name="plots">The front's pictures drawn from the result (the CLI's PNG plots), written in the same
    /// all-or-nothing step; none when null (the NativeAOT library draws none).</param>
    public RegionResult Execute(string? outDir, CancellationToken cancellationToken = default,
        Func<RegionResult, IReadOnlyList<(string Name, Action<Stream> Write)>>? plots = null)
    {
        var result = RegionAnalysis.Run(Request, cancellationToken);
        if (outDir is not null) RegionsOutput.Write(outDir, Request.Channels, result, _name, _voxelUm3, _parameters, plots?.Invoke(result));
        return result;
    }

    /// <summary>The <c>regions.csv</c> text of <paramref name="result"/>, as <see cref="Execute"/> writes it.</summary>
    public string RegionsCsvText(RegionResult result)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        RegionsCsv.Write(w, Request.Channels, result, _name, _voxelUm3);
        return w.ToString();
    }

    /// <summary>
    /// What <paramref name="result"/> wrote, as <c>coloc regions</c> reports it: <c>wrote regions.csv (R regions, P
    /// pair(s), N permutations), H heat map(s) and summary.json to OUT</c>.
    /// </summary>
    public string Report(RegionResult result, string outDir)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"wrote regions.csv ({result.Rows.Length} regions, {result.Pairs.Length} pair(s), {Request.Permutations} permutations), " +
            $"{result.ChannelMaps.Length + result.PairMaps.Length} heat map(s) and summary.json to {outDir}";
    }

    /// <summary>
    /// Reads and checks the labels (integer, not larger than <paramref name="imageShape"/>) and the ontology (parses,
    /// names every non-zero label); <c>coloc run</c> calls it before detecting so bad labels fail before anything is written.
    /// </summary>
    public static (string Path, LabelGrid Labels, string? OntologyPath, Ontology? Ontology, int? Level) ReadLabels(IParameterValues values, ZyxInt imageShape)
    {
        ArgumentNullException.ThrowIfNull(values);
        var labelsPath = values.Get(RegionParameters.Labels) ?? throw new ParameterException(RegionParameters.Labels, "is required");
        Level(values);
        return CheckLabels(values, labelsPath, LabelsReader.Read(labelsPath).Grid, imageShape);
    }

    /// <summary>
    /// Checks labels already read (named <paramref name="labelsPath"/> in messages): not larger than
    /// <paramref name="imageShape"/>; reads the ontology (parses, names every non-zero label).
    /// </summary>
    public static (string Path, LabelGrid Labels, string? OntologyPath, Ontology? Ontology, int? Level) CheckLabels(IParameterValues values,
        string labelsPath, LabelGrid labels, ZyxInt imageShape)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        var (level, ontologyPath) = Level(values);
        var ls = labels.Shape;
        if (ls.Z > imageShape.Z || ls.Y > imageShape.Y || ls.X > imageShape.X)
            throw new ColocFormatException($"{labelsPath}: labels of {ls} are larger than the image ({imageShape}); labels must be at the image's resolution or lower");
        Ontology? ontology = null;
        if (ontologyPath is not null)
        {
            ontology = OntologyJson.Read(ontologyPath);
            var missing = labels.Ids.ToArray().Distinct().Where(id => id != 0 && ontology.Find(id) is null).Order().Take(6).ToArray();
            if (missing.Length > 0)
                throw new ColocFormatException($"{ontologyPath}: the ontology lacks label id(s) present in {labelsPath}: {string.Join(", ", missing.Take(5))}{(missing.Length > 5 ? ", …" : "")}");
        }
        return (labelsPath, labels, ontologyPath, ontology, level);
    }

    private static (int? Level, string? OntologyPath) Level(IParameterValues values)
    {
        int? level = values.Given(RegionParameters.Level) && values.Get(RegionParameters.Level) is not null ? values.Integer(RegionParameters.Level, 0) : null;
        string? ontologyPath = values.Get(RegionParameters.Ontology);
        if (level is not null && ontologyPath is null) throw new ParameterException(RegionParameters.Level, "needs {0}", RegionParameters.Ontology);
        return (level, ontologyPath);
    }

    private static (ZyxInt Shape, Zyx? ResolutionUm) ImageShape(IParameterValues values, Func<string, ImageStack> openImage)
    {
        var shape = values.PositiveShape(RegionParameters.ImageShape);
        string? image = values.Get(RegionParameters.Image);
        if (shape is not null && image is not null)
            throw new ParameterException(RegionParameters.ImageShape, "not with {0} (give one)", RegionParameters.Image);
        if (shape is { } s) return (s, null);
        if (image is null) throw new ParameterException(RegionParameters.ImageShape, "give the image shape Z,Y,X or {0}", RegionParameters.Image);
        using var t = openImage(image);
        return (t.Shape, t.ResolutionUm);
    }

    private static void Vec(Utf8JsonWriter w, string name, double z, double y, double x)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(z);
        w.WriteNumberValue(y);
        w.WriteNumberValue(x);
        w.WriteEndArray();
    }
}
