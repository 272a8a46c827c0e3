# Container image of the Firebreak bot. No Docker daemon is needed to *use* this file in CI (docker, podman,
# buildah or kaniko all read it); see README.md, "Container image", for which way works where.
#
#   mvn -B -DskipTests package -pl bot -am          # builds bot/target/firebreak-bot-<version>.jar
#   docker build -t registry.example.com/sre/firebreak:0.1.0 .
#
# The image runs as uid/gid 10001 (the Helm chart's podSecurityContext), writes nothing outside /tmp (the chart
# mounts an emptyDir there and makes the root filesystem read-only) and listens on 8080 (PORT).
# Layers follow Spring Boot's layered jar (dependencies change less often than the application).

FROM eclipse-temurin:17-jre-jammy AS layers
WORKDIR /build
COPY bot/target/firebreak-bot-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre-jammy
LABEL org.opencontainers.image.title="firebreak" \
      org.opencontainers.image.description="Self-hosted incident-response bot (Alertmanager, Slack, PagerDuty, runbooks)" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="https://github.com/firebreak-dev/firebreak"
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# Without the chart, the embedded H2 database defaults to ./data (here /app/data): writable by the bot's user only.
RUN mkdir /app/data && chown 10001:10001 /app/data
ENV PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -Djava.io.tmpdir=/tmp"
EXPOSE 8080
USER 10001:10001
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
