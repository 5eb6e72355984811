package io.zhidu.crm.approval;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A request's title arguments, stored as one JSON array of strings. */
@Converter
final class TitleArgs implements AttributeConverter<List<String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    static String write(List<String> args) {
        return JSON.writeValueAsString(args == null ? List.of() : args);
    }

    static List<String> read(String json) {
        return json == null || json.isBlank() ? List.of() : List.copyOf(JSON.readValue(json, LIST));
    }

    @Override
    public String convertToDatabaseColumn(List<String> args) {
        return write(args);
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        return read(json);
    }
}
