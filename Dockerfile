# One image per service (and the cockpit), from one Dockerfile: docker build --build-arg SERVICE=kpi-service -t salespulse/kpi-service .
# Stage 1 builds the service's runnable jar with the project's own Maven; stage 2 runs it as a non-root user on a JRE.
FROM eclipse-temurin:17-jdk-noble AS build
ARG SERVICE
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends maven && rm -rf /var/lib/apt/lists/*
COPY pom.xml ./
COPY .mvn .mvn
COPY event-contracts event-contracts
COPY service-kit service-kit
COPY dev-mongo dev-mongo
COPY test-support test-support
COPY activity-service activity-service
COPY kpi-service kpi-service
COPY coaching-service coaching-service
COPY notification-service notification-service
COPY cockpit cockpit
COPY local-run/pom.xml local-run/pom.xml
COPY backfill-cli/pom.xml backfill-cli/pom.xml
COPY benchmark/pom.xml benchmark/pom.xml
COPY system-tests/pom.xml system-tests/pom.xml
RUN mvn -B -q -pl ${SERVICE} -am package -DskipTests \
    && cp ${SERVICE}/target/${SERVICE}-exec.jar /app.jar

FROM eclipse-temurin:17-jre-noble
ARG SERVICE
LABEL org.opencontainers.image.title="salespulse-${SERVICE}"
RUN groupadd --system --gid 10001 salespulse && useradd --system --uid 10001 --gid salespulse --no-create-home salespulse
COPY --from=build /app.jar /opt/salespulse/app.jar
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# Ready when the readiness group (Mongo ping included) is UP; bash's /dev/tcp needs no curl in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 CMD bash -c \
  'exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf "GET /readyz HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-jar", "/opt/salespulse/app.jar"]
