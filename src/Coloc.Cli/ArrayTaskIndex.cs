using System.Globalization;

namespace Coloc.Cli;

/// <summary>
/// The array task index a scheduler gives a task: <c>SLURM_ARRAY_TASK_ID</c>, <c>LSB_JOBINDEX</c>,
/// <c>SGE_TASK_ID</c> or <c>PBS_ARRAY_INDEX</c>, the first one set, in that order.
/// </summary>
public static class ArrayTaskIndex
{
    /// <summary>The variables looked at, in order, with the index base their schedulers use by default (SLURM and PBS arrays as emitted start at 0, LSF and SGE arrays at 1).</summary>
    public static IReadOnlyList<(string Name, int Base)> Variables { get; } =
        [("SLURM_ARRAY_TASK_ID", 0), ("LSB_JOBINDEX", 1), ("SGE_TASK_ID", 1), ("PBS_ARRAY_INDEX", 0)];

    /// <summary>
    /// The 0-based task index from the environment: the variable's value minus <paramref name="indexBase"/> (or minus
    /// the scheduler's default base when null).
    /// </summary>
    /// <exception cref="UsageException">No variable is set, or its value is not a whole number ≥ the base.</exception>
    public static int Read(Func<string, string?> environment, int? indexBase)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (name, defaultBase) in Variables)
        {
            string? v = environment(name);
            if (string.IsNullOrEmpty(v)) continue;
            int b = indexBase ?? defaultBase;
            if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int i) || i < b)
                throw new UsageException($"{name}: expected a whole number >= {b}, got '{v}'");
            return i - b;
        }
        throw new UsageException("give --block-index, --shard or --blocks, or run inside an array job (" +
            string.Join(", ", Variables.Select(v => v.Name)) + " not set)");
    }
}
