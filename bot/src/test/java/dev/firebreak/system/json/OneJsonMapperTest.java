package dev.firebreak.system.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.FirebreakTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.json.JsonMapper;

/** Issue 10: one JSON mapper. The application's bean and the REST API's converter are {@link Json#mapper()}. */
@FirebreakTest
class OneJsonMapperTest {

    @Autowired
    List<JsonMapper> mappers;

    @Autowired
    RequestMappingHandlerAdapter mvc;

    @Test
    void theRestApiAndTheBotsDocumentsShareOneMapper() {
        assertThat(mappers).singleElement().isSameAs(Json.mapper());
        List<HttpMessageConverter<?>> converters = mvc.getMessageConverters();
        assertThat(converters)
                .filteredOn(c -> c instanceof JacksonJsonHttpMessageConverter)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(((JacksonJsonHttpMessageConverter) c).getMapper())
                        .isSameAs(Json.mapper()));
    }
}
