using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Imports;
using Microsoft.AspNetCore.Http.Features;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>
/// No request body may be larger than the largest import file plus its form (the upload is the only large body the
/// dashboard takes). A larger one is answered 413 with a page naming the limit, before any of it is read: by its
/// declared length, or, for a body without one, when Kestrel stops reading at <see cref="MaxBytes"/>.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next)
{
    /// <summary>The file limit of <see cref="ImportLimits.Default"/> plus 1 MB for the multipart framing and the form's fields.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static long MaxBytes { get; } = ImportLimits.Default.MaxBytes + (1024 * 1024);

    /// <summary>
    /// How much of a refused body is read and thrown away so that the client, still sending, reads the answer:
    /// browsers and HTTP clients see a reset connection instead when the server stops reading early. Past this,
    /// the connection is closed.
    /// </summary>
    public const long MaxDrainedBytes = 256L * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            await DrainAsync(context);
            await RefuseAsync(context);
            return;
        }

        // A body without a declared length is counted here: past the limit the reader is refused, and the rest of the
        // body is read and thrown away (up to MaxDrainedBytes, Kestrel's own limit then) before the 413 is sent.
        bool undeclared = context.Request.ContentLength is null;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = undeclared ? MaxDrainedBytes : MaxBytes;
        }

        // Whoever was reading may turn the refusal into an answer of its own (the anti-forgery check makes it a 400);
        // the watch remembers that it happened.
        var watch = new LimitWatch(context.Request.Body, MaxBytes);
        context.Request.Body = watch;
        try
        {
            await next(context);
        }
        catch (Exception ex) when ((watch.Exceeded || TooLarge(ex)) && !context.Response.HasStarted)
        {
            watch.Exceeded = true;
        }
        finally
        {
            context.Request.Body = watch.Inner;
        }

        if (watch.Exceeded && !context.Response.HasStarted)
        {
            if (undeclared)
            {
                await DrainAsync(context);
            }

            await RefuseAsync(context);
        }
    }

    /// <summary>Kestrel's refusal, however deep the form reader or model binding wrapped it.</summary>
    private static bool TooLarge(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task DrainAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxDrainedBytes)
        {
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxDrainedBytes;
        }

        var buffer = new byte[64 * 1024];
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client gave up or broke off: it gets the answer if it still listens.
        }
    }

    /// <summary>The page itself, not a re-executed one: re-executing would read the refused body again.</summary>
    private static Task RefuseAsync(HttpContext context)
    {
        var culture = CultureInfo.CurrentCulture;
        string message = Html.Encode(UiText.Format("upload.tooLarge", culture, ImportLimits.Default.MaxBytes / (1024 * 1024)));
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{culture.TwoLetterISOLanguageName}">
            <head><meta charset="utf-8" /><title>413 — KpiMonitor</title><link rel="stylesheet" href="{DashboardCss.Path}" /></head>
            <body><main><h1>413</h1><p role="alert">{message}</p><p><a href="/nhap-lieu">{Html.Encode(UiText.Get("upload.back", culture))}</a></p></main></body>
            </html>
            """, context.RequestAborted);
    }

    /// <summary>
    /// The request body as read, refusing to read past <paramref name="maxBytes"/> as Kestrel does (a 413
    /// <see cref="BadHttpRequestException"/>) and noting whether it or the server refused.
    /// </summary>
    private sealed class LimitWatch(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public Stream Inner => inner;

        public bool Exceeded { get; set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Count(inner.Read(buffer, offset, count));
            }
            catch (Exception ex) when (Note(ex))
            {
                throw;
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch (Exception ex) when (Note(ex))
            {
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            if (_read > maxBytes)
            {
                Exceeded = true;
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }

        /// <summary>Always false: the exception goes on to the reader; only the fact is kept.</summary>
        private bool Note(Exception ex)
        {
            Exceeded |= TooLarge(ex);
            return false;
        }
    }
}
