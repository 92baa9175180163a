using Coloc.IO.Images;
using Coloc.Core.Pipeline;
using Coloc.IO.Plan;
using Coloc.IO.Tiff;
using Coloc.Core.Detection;

namespace Coloc.Cli;

/// <summary>Runs the pipeline over an open TIFF with the plan's parameters, for whatever pixel type the file holds.</summary>
public static class BlockWork
{
    /// <summary>Processes the blocks <paramref name="indices"/> of <paramref name="spec"/>, calling <paramref name="done"/> with each result.</summary>
    public static void RunBlocks(ImageStack stack, PlanSpec spec, IReadOnlyList<int> indices, int threads, Action<BlockResult> done, CancellationToken ct = default) =>
        PixelDispatch.Run(stack.PixelType, stack.Path, new Blocks(stack, spec, indices, threads, done, ct));

    /// <summary>The whole pipeline over every block of <paramref name="spec"/> (<c>coloc run</c>).</summary>
    public static PipelineResult RunAll(ImageStack stack, PlanSpec spec, int threads, Action<int>? blockDone, CancellationToken ct = default) =>
        PixelDispatch.Run(stack.PixelType, stack.Path, new All(stack, spec, threads, blockDone, ct));

    private static LogBlobDetector<T> Detector<T>(PlanSpec spec, int threads) where T : unmanaged =>
        new(PlanRequests.Detection(spec, threads), spec.HaloVoxels);

    private sealed record Blocks(ImageStack Stack, PlanSpec Spec, IReadOnlyList<int> Indices, int Threads, Action<BlockResult> Done, CancellationToken Ct)
        : PixelDispatch.IVisitor<bool>
    {
        public bool Visit<T>() where T : unmanaged
        {
            var reader = ImageRegions.Reader<T>(Stack, Spec.ResolutionUm);
            var detector = Detector<T>(Spec, Threads);
            foreach (int i in Indices) Done(BlockRunner.Run(reader, Spec.Grid, i, detector, Ct));
            return true;
        }
    }

    private sealed record All(ImageStack Stack, PlanSpec Spec, int Threads, Action<int>? BlockDone, CancellationToken Ct)
        : PixelDispatch.IVisitor<PipelineResult>
    {
        public PipelineResult Visit<T>() where T : unmanaged =>
            ColocPipeline.Run(ImageRegions.Reader<T>(Stack, Spec.ResolutionUm), Spec.Grid, Detector<T>(Spec, Threads),
                PlanRequests.Match(Spec, Threads), BlockDone, Ct);
    }
}
