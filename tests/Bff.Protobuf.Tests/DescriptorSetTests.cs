using Bff.Protobuf.Tests.Generated;
using Google.Protobuf;

namespace Bff.Protobuf.Tests;

/// <summary>Serialized file descriptors, as server reflection sends them, read into a schema set.</summary>
public class DescriptorSetTests
{
    [Fact]
    public void Descriptors_protoc_compiled_decode_like_the_compiled_file()
    {
        var file = JsonMappingReflection.Descriptor;
        var bytes = file.Dependencies.Append(file).Select(f => new ReadOnlyMemory<byte>(f.SerializedData.ToByteArray()));

        var schema = ProtoCompiler.FromDescriptors(bytes);

        var message = JsonMappingSamples.All["well-known types"];
        Assert.True(schema.TryFindMessage(message.Descriptor.FullName, out var type));
        Assert.Equal(
            ProtoCodec.Decode(JsonMappingSamples.TypeOf(message), message.ToByteArray()).ToJsonString(),
            ProtoCodec.Decode(type, message.ToByteArray()).ToJsonString());
    }

    [Fact]
    public void A_descriptor_without_the_files_it_imports_names_the_file_and_the_unknown_type()
    {
        var bytes = new ReadOnlyMemory<byte>(JsonMappingReflection.Descriptor.SerializedData.ToByteArray());

        var error = Assert.Throws<ProtoParseException>(() => ProtoCompiler.FromDescriptors([bytes]));

        Assert.StartsWith("json_mapping.proto: unknown type '.google.protobuf.Timestamp'", error.Message, StringComparison.Ordinal);
    }
}
