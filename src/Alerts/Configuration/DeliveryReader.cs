using System.Text.Json;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>Reads channels, contacts, recipients per unit and level, and routes of <c>alerts.json</c>.</summary>
internal sealed class DeliveryReader(JsonConfigReader r, OrgTree units)
{
    private static readonly Dictionary<string, ChannelType> Types = new()
    {
        ["email"] = ChannelType.Email, ["webhook"] = ChannelType.Webhook, ["inbox"] = ChannelType.Inbox,
    };

    private static readonly Dictionary<string, WebhookTemplate> Templates = new()
    {
        ["telegram"] = WebhookTemplate.Telegram, ["teams"] = WebhookTemplate.Teams, ["generic"] = WebhookTemplate.Generic,
    };

    private static readonly string[] SecretNames = ["password", "token", "secret", "url", "apiKey"];

    public List<ChannelDefinition> Channels(JsonElement root)
    {
        var channels = new List<ChannelDefinition>();
        foreach (var (e, path) in r.Items(root, "$", "channels", required: true))
        {
            foreach (var secret in SecretNames.Where(name => e.TryGetProperty(name, out _)))
            {
                r.Error($"{path}.{secret}", $"bí mật không được ghi trong alerts.json; dùng '{secret}Key' với tên khoá cấu hình chứa nó");
            }

            r.OnlyKnown(e, path, [.. SecretNames, "code", "type", "template", "host", "port", "from", "userKey", "passwordKey", "urlKey", "tokenKey"]);
            string? code = r.String(e, path, "code", true);
            var type = r.Choice(e, path, "type", true, Types);
            if (code is not null && channels.Exists(c => c.Code == code))
            {
                r.Error($"{path}.code", $"kênh '{code}' bị trùng");
            }

            var channel = type switch
            {
                ChannelType.Email => Email(e, path),
                ChannelType.Webhook => Webhook(e, path),
                _ => new ChannelDefinition { Code = "", Type = ChannelType.Inbox },
            };
            if (code is not null && type is not null)
            {
                channels.Add(channel with { Code = code, Type = type.Value });
            }
        }

        return channels;
    }

    public List<Contact> Contacts(JsonElement obj, string path, string name, List<ChannelDefinition> channels, bool required)
    {
        var contacts = new List<Contact>();
        foreach (var (e, itemPath) in r.Items(obj, path, name, required))
        {
            r.OnlyKnown(e, itemPath, "name", "channel", "address");
            string? channel = r.String(e, itemPath, "channel", true);
            string? address = r.String(e, itemPath, "address", true);
            var definition = channels.Find(c => c.Code == channel);
            if (channel is not null && definition is null)
            {
                r.Error($"{itemPath}.channel", $"kênh '{channel}' không có trong $.channels");
            }

            if (definition?.Type == ChannelType.Email && address is not null && !IsMailAddress(address))
            {
                r.Error($"{itemPath}.address", $"'{address}' không phải địa chỉ thư điện tử");
            }

            if (definition is not null && address is not null)
            {
                contacts.Add(new Contact(r.String(e, itemPath, "name", false) ?? address, definition.Code, address));
            }
        }

        return contacts;
    }

    public List<RecipientEntry> Recipients(JsonElement root, List<ChannelDefinition> channels)
    {
        var entries = new List<RecipientEntry>();
        foreach (var (e, path) in r.Items(root, "$", "recipients", required: false))
        {
            r.OnlyKnown(e, path, "unit", "level", "contacts");
            var (unit, level) = (r.String(e, path, "unit", false), r.String(e, path, "level", false));
            if ((unit is null) == (level is null))
            {
                r.Error(path, "đặt đúng một trong hai: 'unit' hoặc 'level'");
            }

            CheckUnit(unit, $"{path}.unit");
            CheckLevel(level, $"{path}.level");
            entries.Add(new RecipientEntry(unit, level, Contacts(e, path, "contacts", channels, required: true)));
        }

        return entries;
    }

    public List<LevelRoute> Routes(JsonElement root)
    {
        var routes = new List<LevelRoute>();
        foreach (var (e, path) in r.Items(root, "$", "routes", required: false))
        {
            r.OnlyKnown(e, path, "level", "notify");
            string? level = r.String(e, path, "level", true);
            CheckLevel(level, $"{path}.level");
            var notify = r.Strings(e, path, "notify").ToList();
            foreach (var (word, wordPath) in notify.Where(n => n.Value is not ("unit" or "parent")))
            {
                r.Error(wordPath, $"giá trị '{word}' không hợp lệ; chọn 'unit' (đơn vị) hoặc 'parent' (đơn vị cấp trên)");
            }

            if (level is not null)
            {
                routes.Add(new LevelRoute(level, notify.Exists(n => n.Value == "unit"), notify.Exists(n => n.Value == "parent")));
            }
        }

        return routes;
    }

    private ChannelDefinition Email(JsonElement e, string path)
    {
        string? from = r.String(e, path, "from", true);
        if (from is not null && !IsMailAddress(from))
        {
            r.Error($"{path}.from", $"'{from}' không phải địa chỉ thư điện tử");
        }

        int port = r.Integer(e, path, "port", false) ?? 587;
        if (port is < 1 or > 65535)
        {
            r.Error($"{path}.port", $"cổng {port} không hợp lệ (1–65535)");
        }

        return new ChannelDefinition
        {
            Code = "", Type = ChannelType.Email, Host = r.String(e, path, "host", true), Port = port, From = from,
            UserKey = r.KeyName(e, path, "userKey", false), PasswordKey = r.KeyName(e, path, "passwordKey", false),
        };
    }

    private ChannelDefinition Webhook(JsonElement e, string path)
    {
        var template = r.Choice(e, path, "template", true, Templates);
        var channel = new ChannelDefinition
        {
            Code = "", Type = ChannelType.Webhook, Template = template,
            UrlKey = r.KeyName(e, path, "urlKey", template != WebhookTemplate.Telegram), TokenKey = r.KeyName(e, path, "tokenKey", template == WebhookTemplate.Telegram),
        };
        return channel;
    }

    private void CheckUnit(string? unit, string path)
    {
        if (unit is not null && !units.Contains(unit))
        {
            r.Error(path, $"đơn vị '{unit}' không có trong units.json");
        }
    }

    private void CheckLevel(string? level, string path)
    {
        if (level is not null && units.FindLevel(level) is null)
        {
            r.Error(path, $"cấp '{level}' không có trong units.json");
        }
    }

    private static bool IsMailAddress(string text) =>
        text.IndexOf('@', StringComparison.Ordinal) is var at && at > 0 && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);
}
