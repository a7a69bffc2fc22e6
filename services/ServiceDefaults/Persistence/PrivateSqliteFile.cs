using Microsoft.Data.Sqlite;

namespace Cooperation.ServiceDefaults.Persistence;

/// <summary>
/// A service's SQLite file holds sealed contents: only the service's own user may read it. Its
/// directory is created 0700 and the file 0600 before SQLite opens it (SQLite gives its -wal and
/// -shm files the database file's mode), whatever the umask; an existing file is narrowed to 0600.
/// </summary>
public static class PrivateSqliteFile
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Prepare(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:") return;
        var file = Path.GetFullPath(dataSource);
        var directory = Path.GetDirectoryName(file);
        if (OperatingSystem.IsWindows())
        {
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            return;
        }
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory)) Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        if (!File.Exists(file))
            using (new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile })) { }
        foreach (var existing in new[] { file, file + "-wal", file + "-shm", file + "-journal" }.Where(File.Exists))
            if ((File.GetUnixFileMode(existing) & ~OwnerOnlyFile) != 0) File.SetUnixFileMode(existing, OwnerOnlyFile);
    }
}
