package dev.firebreak.system.json;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON mapper for the whole bot: {@link Json#mapper()} is also the application's {@link JsonMapper} bean, so
 * the REST API's bodies (Spring MVC's message converters) and the bot's own documents are read and written the same
 * way. Boot's auto-configured mapper steps back ({@code @ConditionalOnMissingBean}); its features were the same as
 * this one's, and the modules it would add (Spring Data's {@code Page}/geo, Boot's {@code @JsonComponent}/mixins)
 * serve nothing here: controllers answer lists with {@code X-Total-Count}/{@code Link}, never a {@code Page}.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapper jsonMapper() {
        return Json.mapper();
    }
}
