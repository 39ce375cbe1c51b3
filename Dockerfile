# docverify in a container: docker run --rm -v "$PWD:/repo" docverify
# The tree-sitter grammars need cgo, so the binary links the C library and
# runs on a distroless base that has it.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/docverify ./cmd/docverify

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=build /out/docverify /usr/local/bin/docverify
WORKDIR /repo
ENTRYPOINT ["/usr/local/bin/docverify"]
