using Parquet;
using Parquet.Schema;

namespace Emiss.Benchmarks.CutFlow;

/// <summary>Re-encodes an event store with Parquet.Net's default codec (Snappy), as <c>EventStoreWriter</c> wrote
/// stores before it switched to uncompressed column chunks: same schema, rows, row groups and metadata.</summary>
internal static class SnappyStore
{
    public static async Task CopyAsync(string from, string to)
    {
        await using (FileStream input = File.OpenRead(from))
        await using (ParquetReader r = await ParquetReader.CreateAsync(input))
        await using (FileStream output = File.Create(to))
        {
            await using ParquetWriter w = await ParquetWriter.CreateAsync(r.Schema, output, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
            w.CustomMetadata = r.CustomMetadata;
            for (int g = 0; g < r.RowGroupCount; g++)
            {
                using ParquetRowGroupReader rg = r.OpenRowGroupReader(g);
                int n = checked((int)rg.RowCount);
                using ParquetRowGroupWriter wg = w.CreateRowGroup();
                foreach (DataField f in r.Schema.GetDataFields())
                {
                    if (f.ClrType == typeof(double) && f.IsNullable) await CopyNullable<double>(rg, wg, f, n);
                    else if (f.ClrType == typeof(double)) await Copy<double>(rg, wg, f, n);
                    else if (f.ClrType == typeof(float)) await Copy<float>(rg, wg, f, n);
                    else if (f.ClrType == typeof(int)) await Copy<int>(rg, wg, f, n);
                    else if (f.ClrType == typeof(long)) await Copy<long>(rg, wg, f, n);
                    else if (f.ClrType == typeof(bool)) await Copy<bool>(rg, wg, f, n);
                    else throw new InvalidDataException($"{from}: column {f.Name} of type {f.ClrType.Name} is not an event-store type");
                }
                wg.CompleteValidate();
            }
        }
    }

    private static async Task Copy<T>(ParquetRowGroupReader r, ParquetRowGroupWriter w, DataField f, int n) where T : struct
    {
        var values = new T[n];
        await r.ReadAsync(f, values.AsMemory());
        await w.WriteAsync(f, (ReadOnlyMemory<T>)values.AsMemory());
    }

    private static async Task CopyNullable<T>(ParquetRowGroupReader r, ParquetRowGroupWriter w, DataField f, int n) where T : struct
    {
        var values = new T?[n];
        await r.ReadAsync(f, values.AsMemory());
        await w.WriteAsync(f, (ReadOnlyMemory<T?>)values.AsMemory());
    }
}
