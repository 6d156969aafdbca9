package vn.childprotection.web;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * No control character in any text the API or a page form takes (a NUL would make PostgreSQL refuse the
 * row and the caller get a 500): such a value is refused as not fitting its field, 400 with the field named.
 * Line breaks and tabs are text and stay.
 */
@Configuration
class TextInput {

    @Bean
    Module noControlCharacters() {
        SimpleModule module = new SimpleModule("no-control-characters");
        module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = StringDeserializer.instance.deserialize(parser, context);
                if (value != null && hasControlCharacter(value)) {
                    throw InvalidFormatException.from(parser, "control character in text", value, String.class);
                }
                return value;
            }
        });
        return module;
    }

    /** Characters below space other than tab, line feed and carriage return, and DEL. */
    public static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
