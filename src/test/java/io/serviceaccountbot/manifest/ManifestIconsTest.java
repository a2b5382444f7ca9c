package io.serviceaccountbot.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Teams' icon rules: a 192x192 full-colour icon, and a 32x32 outline icon that is white on transparent only. */
class ManifestIconsTest {

    private final JsonNode icons = TeamsAppManifest.filled().path("icons");

    @Test
    void manifestNamesTheIconsInItsDirectory() {
        assertThat(icons.path("color").asString()).isEqualTo("color.png");
        assertThat(icons.path("outline").asString()).isEqualTo("outline.png");
        assertThat(TeamsAppManifest.DIRECTORY.resolve(icons.path("color").asString()))
                .isEqualTo(TeamsAppManifest.COLOR_ICON)
                .isRegularFile();
        assertThat(TeamsAppManifest.DIRECTORY.resolve(icons.path("outline").asString()))
                .isEqualTo(TeamsAppManifest.OUTLINE_ICON)
                .isRegularFile();
    }

    @Test
    void colorIconIs192SquareAndInColour() throws IOException {
        BufferedImage color = read(TeamsAppManifest.COLOR_ICON);

        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(isColourful(color))
                .as("has pixels that are neither grey, white nor black")
                .isTrue();
    }

    @Test
    void outlineIconIs32SquareWhiteOnTransparent() throws IOException {
        BufferedImage outline = read(TeamsAppManifest.OUTLINE_ICON);

        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        assertThat(outline.getColorModel().hasAlpha()).isTrue();
        int white = 0;
        int transparent = 0;
        for (int y = 0; y < outline.getHeight(); y++) {
            for (int x = 0; x < outline.getWidth(); x++) {
                int argb = outline.getRGB(x, y);
                if (argb >>> 24 == 0) {
                    transparent++;
                } else {
                    assertThat(argb & 0xFFFFFF)
                            .as("pixel (%d, %d) is not transparent, so it must be white", x, y)
                            .isEqualTo(0xFFFFFF);
                    white++;
                }
            }
        }
        assertThat(white).as("white pixels").isPositive();
        assertThat(transparent).as("transparent pixels").isPositive();
        assertThat(outline.getRGB(0, 0) >>> 24)
                .as("the background (top left corner) is transparent")
                .isZero();
    }

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("%s is a readable PNG", png).isNotNull();
        return image;
    }

    private static boolean isColourful(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 64) {
                    return true;
                }
            }
        }
        return false;
    }
}
