# The voice gateway's image: the services' image (Dockerfile beside this one) plus the Debian/Ubuntu audio tools it
# runs: espeak-ng speaks the IVR's prompts, sox brings speech and uploaded prompts to 8 kHz.
#
#   mvn -B package -DskipTests -pl voice-gateway -am
#   docker build -f k8s/images/voice-gateway.Dockerfile -t <registry>/contact-center/voice-gateway:<tag> .
#
# Not built on the development machines (no Docker engine there); the same steps as the services' image.
ARG JAVA_IMAGE=eclipse-temurin:25-jre

FROM ${JAVA_IMAGE} AS train
WORKDIR /deployments
COPY voice-gateway/target/quarkus-app/ /deployments/
RUN java -XX:AOTCacheOutput=/deployments/app.aot \
      -Dquarkus.init-and-exit=true -Dquarkus.flyway.migrate-at-start=false \
      -Dquarkus.datasource.password=training-only -Dmp.jwt.verify.publickey.location=NONE \
      -jar quarkus-run.jar

FROM ${JAVA_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng sox && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8 \
    JAVA_TOOL_OPTIONS="-XX:AOTCache=/deployments/app.aot -XX:+UseSerialGC -XX:MaxRAMPercentage=70"
WORKDIR /deployments
COPY --from=train --chown=185:185 /deployments/ /deployments/
USER 185:185
EXPOSE 8080 5070/udp 5070/tcp
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
