using Coloc.IO.Database;

namespace Coloc.IO.Results;

/// <summary>Where <see cref="ResultWriter"/> writes: a result folder, a results database, or both.</summary>
public sealed record ResultTarget
{
    /// <summary>The result folder (created if missing), or null for none.</summary>
    public string? Folder { get; init; }

    /// <summary>The MagellanMapper results database (a regular SQLite file, created if missing), or null for none.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>
    /// Experiment name the matches are stored under; required (not blank) with <see cref="DatabasePath"/>, refused
    /// without it. Choosing a default is the caller's business.
    /// </summary>
    public string? Experiment { get; init; }

    /// <summary>Threads used to format large match tables (0 = all cores); never changes the bytes. Default 0.</summary>
    public int Threads { get; init; }

    /// <summary>How the database is opened (lock wait, clock); default <see cref="ClrDbOptions"/>.</summary>
    public ClrDbOptions DatabaseOptions { get; init; } = new();

    /// <summary>
    /// Test hook: runs after every file is staged and the database rows are inserted, before anything is committed.
    /// An exception from it leaves neither the folder nor the database changed.
    /// </summary>
    internal Action? BeforeCommit { get; init; }
}
