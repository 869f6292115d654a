using Bff.Protobuf.Tests.Generated;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Bff.Protobuf.Tests;

/// <summary>Messages of json_mapping.proto built with protoc's generated code: the reference side of the round trips.</summary>
internal static class JsonMappingSamples
{
    private static readonly Lazy<ProtoSchemaSet> LazySchema = new(() =>
    {
        var compilation = ProtoCompiler.Compile("json_mapping.proto", [ProtoFiles.ProtosDirectory]);
        return compilation.Schema ?? throw new InvalidOperationException(string.Join("\n", compilation.Errors));
    });

    /// <summary>Gets json_mapping.proto as the codec reads it.</summary>
    public static ProtoSchemaSet Schema => LazySchema.Value;

    /// <summary>Gets Google.Protobuf's formatter, which knows the types an Any may hold here.</summary>
    public static JsonFormatter Formatter { get; } = new(JsonFormatter.Settings.Default.WithTypeRegistry(Registry));

    /// <summary>Gets Google.Protobuf's parser, which knows the types an Any may hold here.</summary>
    public static JsonParser Parser { get; } = new(JsonParser.Settings.Default.WithTypeRegistry(Registry));

    private static TypeRegistry Registry => TypeRegistry.FromFiles(JsonMappingReflection.Descriptor);

    /// <summary>Gets the codec's description of <paramref name="message"/>'s type.</summary>
    public static ProtoMessage TypeOf(IMessage message) =>
        Schema.TryFindMessage(message.Descriptor.FullName, out var type) ? type : throw new InvalidOperationException(message.Descriptor.FullName);

    /// <summary>Gets a message setting every scalar, 64-bit values beyond 2^53 among them.</summary>
    public static Scalars AllScalars => new()
    {
        FDouble = 1.5, FFloat = 0.25f, FInt64 = -9_007_199_254_740_993, FUint64 = ulong.MaxValue, FInt32 = -5,
        FFixed64 = 42, FFixed32 = 7, FBool = true, FString = "héllo \"quoted\"", FBytes = ByteString.CopyFrom(0, 1, 2, 250, 255),
        FUint32 = 4_000_000_000, FSfixed32 = -3, FSfixed64 = -4, FSint32 = -6, FSint64 = long.MinValue, FColor = Color.Green,
        FOptional = 0,
    };

    /// <summary>Gets the samples every test runs over, by name.</summary>
    public static TheoryData<string> Names => [.. All.Keys];

    /// <summary>Gets the samples by name.</summary>
    public static IReadOnlyDictionary<string, IMessage> All { get; } = new Dictionary<string, IMessage>
    {
        ["all scalars"] = AllScalars,
        ["no scalars"] = new Scalars(),
        ["NaN and infinities"] = new Scalars { FDouble = double.NaN, FFloat = float.PositiveInfinity, FSint32 = int.MinValue },
        ["negative infinity"] = new Scalars { FDouble = double.NegativeInfinity },
        ["well-known types"] = new WellKnown
        {
            At = new Timestamp { Seconds = 1_714_557_600, Nanos = 500_000_000 },
            Took = new Duration { Seconds = 1, Nanos = 500_000_000 },
            Mask = new FieldMask { Paths = { "user.display_name", "photo" } },
            Attributes = Struct.Parser.ParseJson("""{"a": 1, "b": [true, null, "x"], "c": {"d": 2.5}}"""),
            Anything = Value.ForString("v"),
            List = ListValue.Parser.ParseJson("""[1, "two", {"three": 3}]"""),
            Big = 1L << 60,
            Note = string.Empty,
            Flag = false,
            Ratio = 0.5,
            Blob = ByteString.CopyFromUtf8("blob"),
            Small = 3,
            Payload = Any.Pack(new Scalars { FInt64 = 5, FString = "in any", FColor = Color.Red }),
            History = { new Timestamp { Seconds = 0 }, new Timestamp { Seconds = -1, Nanos = 1_000 } },
        },
        ["negative duration and a packed timestamp"] = new WellKnown
        {
            Took = new Duration { Seconds = -3, Nanos = -10_000_000 },
            Anything = Value.ForNull(),
            Payload = Any.Pack(new Timestamp { Seconds = 86_400, Nanos = 123_456_789 }),
        },
        ["packed duration and an empty mask"] = new WellKnown
        {
            Mask = new FieldMask(),
            Payload = Any.Pack(new Duration { Seconds = 90 }),
            Anything = Value.ForStruct(new Struct { Fields = { ["k"] = Value.ForNumber(-1) } }),
        },
        ["nesting, lists, maps and a oneof"] = new Shapes
        {
            Items = { new Shapes.Types.Item { Name = "a", Qty = 1 }, new Shapes.Types.Item() },
            Ids = { 1, -2, long.MaxValue },
            ByName = { ["x"] = new Shapes.Types.Item { Name = "x", Qty = 2 }, ["empty"] = new Shapes.Types.Item() },
            Labels = { [-5] = "minus five", [9_007_199_254_740_993] = "big" },
            Item = new Shapes.Types.Item { Name = "chosen" },
            Colors = { Color.Red, Color.Unspecified, Color.Green },
            Scalars = AllScalars,
        },
        ["an empty string chosen in a oneof"] = new Shapes { Text = string.Empty },
    };
}
