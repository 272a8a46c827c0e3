import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** For docs/screenshots.sh: the first N pages of a PDF side by side as one PNG. Args: pdf png pages dpi. */
public class PdfPages {
    public static void main(String[] args) throws Exception {
        int pages = Integer.parseInt(args[2]);
        float dpi = Float.parseFloat(args[3]);
        try (PDDocument doc = Loader.loadPDF(new File(args[0]))) {
            PDFRenderer renderer = new PDFRenderer(doc);
            int n = Math.min(pages, doc.getNumberOfPages());
            BufferedImage[] images = new BufferedImage[n];
            int width = 0;
            int height = 0;
            for (int i = 0; i < n; i++) {
                images[i] = renderer.renderImageWithDPI(i, dpi);
                width += images[i].getWidth() + (i == 0 ? 0 : 16);
                height = Math.max(height, images[i].getHeight());
            }
            BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = all.createGraphics();
            g.setColor(new Color(0x8c959f));
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, x, 0, null);
                x += image.getWidth() + 16;
            }
            g.dispose();
            ImageIO.write(all, "png", new File(args[1]));
        }
    }
}
