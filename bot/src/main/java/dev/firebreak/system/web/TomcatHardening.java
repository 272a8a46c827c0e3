package dev.firebreak.system.web;

import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat-level hardening: errors Tomcat answers itself (before Spring MVC) are JSON
 * ({@link JsonErrorReportValve} replaces the HTML error report valve of the host). Runs after Spring Boot's
 * own customizer, which installs that valve.
 */
@Component
class TomcatHardening implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(TomcatHardening::jsonErrors);
    }

    private static void jsonErrors(Context context) {
        if (context.getParent() instanceof StandardHost host) {
            // The host adds its errorReportValveClass at start unless a valve of that class is there already.
            host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        }
        var pipeline = context.getParent().getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new JsonErrorReportValve());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
