#include "corpora/images/image_set.h"

#include <stb_image.h>
#include <stb_image_write.h>
#include <zlib.h>

#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<std::uint8_t>;

void put_be32(Bytes& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<std::uint8_t>(v >> shift));
}

Bytes idx_images(std::uint32_t count, std::uint32_t rows, std::uint32_t cols, const Bytes& pixels,
                 std::uint32_t magic = 0x00000803) {
  Bytes out;
  put_be32(out, magic);
  put_be32(out, count);
  put_be32(out, rows);
  put_be32(out, cols);
  out.insert(out.end(), pixels.begin(), pixels.end());
  return out;
}

Bytes idx_labels(const Bytes& labels, std::uint32_t magic = 0x00000801) {
  Bytes out;
  put_be32(out, magic);
  put_be32(out, static_cast<std::uint32_t>(labels.size()));
  out.insert(out.end(), labels.begin(), labels.end());
  return out;
}

Bytes gzip(const Bytes& in) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  Bytes out(deflateBound(&zs, static_cast<uLong>(in.size())) + 64);
  zs.next_in = const_cast<Bytef*>(in.data());
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = out.data();
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

Bytes concat(Bytes a, const Bytes& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Bytes cut(Bytes a, std::size_t n) {
  a.resize(a.size() - n);
  return a;
}

fs::path write(const fs::path& path, const Bytes& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  return path;
}

// Interleaved H x W x C pixels written as PNG (or BMP for a .bmp name).
fs::path write_image(const fs::path& path, int w, int h, int comp, const Bytes& hwc) {
  fs::create_directories(path.parent_path());
  const bool ok = path.extension() == ".bmp"
                      ? stbi_write_bmp(path.c_str(), w, h, comp, hwc.data()) != 0
                      : stbi_write_png(path.c_str(), w, h, comp, hwc.data(), w * comp) != 0;
  EXPECT_TRUE(ok) << path;
  return path;
}

Bytes ramp(std::size_t n, int start = 0) {
  Bytes out(n);
  for (std::size_t i = 0; i < n; ++i)
    out[i] = static_cast<std::uint8_t>((start + 7 * i) % 256);
  return out;
}

Bytes to_chw(const Bytes& hwc, int c, int h, int w) {
  Bytes out(hwc.size());
  const std::size_t plane = static_cast<std::size_t>(h) * static_cast<std::size_t>(w);
  for (std::size_t p = 0; p < plane; ++p) {
    for (int k = 0; k < c; ++k)
      out[static_cast<std::size_t>(k) * plane + p] = hwc[p * c + k];
  }
  return out;
}

// Runs `fn`, expecting a secnlp::Error with `code`, path() == `path` and `fragment` in what().
void expect_error(const std::function<void()>& fn, ErrorCode code, const fs::path& path,
                  const std::string& fragment) {
  try {
    fn();
    ADD_FAILURE() << "no error; expected " << error_code_name(code) << " " << fragment;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_EQ(e.path(), path.string()) << e.what();
    const std::string what = e.what();
    EXPECT_NE(what.find(path.string()), std::string::npos) << what;
    EXPECT_NE(what.find(fragment), std::string::npos) << "'" << fragment << "' not in: " << what;
  }
}

// --- IDX ------------------------------------------------------------------------------------

const Bytes kPixels = ramp(3 * 2 * 3);  // 3 images of 2 rows x 3 cols
const Bytes kLabels = {1, 0, 2};

TEST(ReadIdx, RoundTripsRawGzippedAndMixed) {
  struct Case {
    const char* name;
    bool gz_images, gz_labels;
  };
  const Case cases[] = {{"raw", false, false}, {"gz", true, true}, {"mixed", true, false}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    testing::TempDir tmp;
    const Bytes images = idx_images(3, 2, 3, kPixels);
    const Bytes labels = idx_labels(kLabels);
    // Names deliberately do not say .gz: detection is by magic.
    const auto ip = write(tmp.path() / "imgs", c.gz_images ? gzip(images) : images);
    const auto lp = write(tmp.path() / "labs", c.gz_labels ? gzip(labels) : labels);
    const ImageSet set = read_idx(ip, lp);
    EXPECT_EQ(set.count, 3u);
    EXPECT_EQ(set.channels, 1);
    EXPECT_EQ(set.height, 2);
    EXPECT_EQ(set.width, 3);
    EXPECT_EQ(set.pixels, kPixels);
    EXPECT_EQ(set.labels, (std::vector<int>{1, 0, 2}));
    EXPECT_EQ(set.classes,
              (std::vector<std::string>{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}));
    const auto second = set.image(1);
    EXPECT_EQ(Bytes(second.begin(), second.end()),
              Bytes(kPixels.begin() + 6, kPixels.begin() + 12));
  }
}

TEST(ReadIdx, ClassCountIsGivenAndConcatenatedGzipMembersAreRead) {
  testing::TempDir tmp;
  const Bytes images = idx_images(3, 2, 3, kPixels);
  // Two gzip members, split inside the pixel data.
  const Bytes two_members = concat(gzip(Bytes(images.begin(), images.begin() + 20)),
                                   gzip(Bytes(images.begin() + 20, images.end())));
  const auto ip = write(tmp.path() / "i.gz", two_members);
  const auto lp = write(tmp.path() / "l", idx_labels({12, 0, 3}));
  const ImageSet set = read_idx(ip, lp, 13);
  EXPECT_EQ(set.pixels, kPixels);
  ASSERT_EQ(set.classes.size(), 13u);
  EXPECT_EQ(set.classes.back(), "12");
}

// Hostile labels: MNIST labels 200 and 10 used to make a 201-class model; refused like CIFAR's.
TEST(ReadIdx, LabelsOutOfRangeAreRefusedNamingTheRecord) {
  struct Case {
    std::vector<std::uint8_t> labels;
    std::string fragment;
  };
  const Case cases[] = {{{1, 200, 2}, "record 1: label 200 is not below 10"},
                        {{10, 0, 2}, "record 0: label 10 is not below 10"},
                        {{1, 0, 255}, "record 2: label 255 is not below 10"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.fragment);
    testing::TempDir tmp;
    const auto ip = write(tmp.path() / "i", idx_images(3, 2, 3, kPixels));
    const auto lp = write(tmp.path() / "l", idx_labels(c.labels));
    expect_error([&] { read_idx(ip, lp); }, ErrorCode::kParse, lp, c.fragment);
  }
}

TEST(ReadIdx, RejectsBadFilesNamingThem) {
  const Bytes good_images = idx_images(3, 2, 3, kPixels);
  const Bytes good_labels = idx_labels(kLabels);
  struct Case {
    const char* name;
    Bytes images, labels;
    bool blame_labels;
    ErrorCode code;
    std::string fragment;
  };
  const std::vector<Case> cases = {
      {"images magic", idx_images(3, 2, 3, kPixels, 0x00000801), good_labels, false,
       ErrorCode::kParse, "bad magic 0x00000801"},
      {"labels magic", good_images, idx_labels(kLabels, 0x00000803), true, ErrorCode::kParse,
       "bad magic 0x00000803"},
      {"gz labels magic", good_images, gzip(idx_labels(kLabels, 0x12345678)), true,
       ErrorCode::kParse, "bad magic 0x12345678"},
      {"truncated images", cut(good_images, 1), good_labels, false, ErrorCode::kParse,
       "truncated: expected 34 bytes, found 33"},
      {"trailing images", concat(good_images, {0}), good_labels, false, ErrorCode::kParse,
       "trailing data: expected 34 bytes, found 35"},
      {"truncated labels", good_images, cut(good_labels, 1), true, ErrorCode::kParse,
       "truncated: expected 11 bytes, found 10"},
      {"short header", Bytes(good_images.begin(), good_images.begin() + 10), good_labels, false,
       ErrorCode::kParse, "truncated"},
      {"empty images", {}, good_labels, false, ErrorCode::kParse, "truncated"},
      {"7 images 8 labels", idx_images(7, 1, 1, ramp(7)), idx_labels(ramp(8)), true,
       ErrorCode::kParse, "7 images in"},
      {"zero rows", idx_images(3, 0, 3, {}), good_labels, false, ErrorCode::kParse,
       "bad image size 0x3"},
      {"huge dims", idx_images(0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, {}), good_labels, false,
       ErrorCode::kLimit, "over the 4 GiB limit"},
      {"huge count", idx_images(0x10000000, 28, 28, {}), good_labels, false, ErrorCode::kLimit,
       "4 GiB"},
      {"claims more than raw file", idx_images(60000, 28, 28, ramp(100)), good_labels, false,
       ErrorCode::kParse, "truncated: expected 47040016 bytes, found 116"},
      {"claims more than gz can hold", gzip(idx_images(60000, 28, 28, ramp(100))), good_labels,
       false, ErrorCode::kParse, "more than a"},
      {"gz short payload", gzip(idx_images(4, 2, 3, kPixels)), good_labels, false,
       ErrorCode::kParse, "truncated: expected 40 bytes, found 34"},
      {"gz trailing payload", gzip(concat(good_images, {1, 2})), good_labels, false,
       ErrorCode::kParse, "trailing data"},
      {"gz cut stream", cut(gzip(good_images), 12), good_labels, false, ErrorCode::kParse,
       "truncated gzip stream"},
      {"gz corrupt",
       {0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x03, 0xff, 0xff},
       good_labels,
       false,
       ErrorCode::kParse,
       "corrupt gzip data"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    testing::TempDir tmp;
    const auto ip = write(tmp.path() / "images-idx3-ubyte", c.images);
    const auto lp = write(tmp.path() / "labels-idx1-ubyte", c.labels);
    expect_error([&] { read_idx(ip, lp); }, c.code, c.blame_labels ? lp : ip, c.fragment);
  }
}

TEST(ReadIdx, EveryPrefixOfAFileIsRejectedAsParse) {
  const Bytes raw = idx_images(3, 2, 3, kPixels);
  const Bytes gz = gzip(raw);
  for (const Bytes* whole : {&raw, &gz}) {
    for (std::size_t n = 0; n < whole->size(); ++n) {
      SCOPED_TRACE(n);
      testing::TempDir tmp;
      const auto ip = write(tmp.path() / "i", Bytes(whole->begin(), whole->begin() + n));
      const auto lp = write(tmp.path() / "l", idx_labels(kLabels));
      expect_error([&] { read_idx(ip, lp); }, ErrorCode::kParse, ip, "");
    }
  }
}

TEST(ReadIdx, MismatchMessageGivesBothCounts) {
  testing::TempDir tmp;
  const auto ip = write(tmp.path() / "i", idx_images(7, 1, 1, ramp(7)));
  const auto lp = write(tmp.path() / "l", idx_labels(ramp(8)));
  expect_error([&] { read_idx(ip, lp); }, ErrorCode::kParse, lp,
               "7 images in " + ip.string() + " but 8 labels");
}

TEST(ReadIdx, MissingFileIsIo) {
  testing::TempDir tmp;
  const auto lp = write(tmp.path() / "l", idx_labels(kLabels));
  expect_error([&] { read_idx(tmp.path() / "nope", lp); }, ErrorCode::kIo, tmp.path() / "nope",
               "not found");
  expect_error([&] { read_idx(tmp.path(), lp); }, ErrorCode::kIo, tmp.path(), "not a regular");
}

// --- CIFAR-10 -------------------------------------------------------------------------------

Bytes cifar_record(std::uint8_t label, int seed) {
  Bytes out{label};
  const Bytes pixels = ramp(3072, seed);
  out.insert(out.end(), pixels.begin(), pixels.end());
  return out;
}

TEST(ReadCifar10, RoundTripsBatchesInOrder) {
  testing::TempDir tmp;
  const auto b1 =
      write(tmp.path() / "data_batch_1.bin", concat(cifar_record(3, 1), cifar_record(9, 2)));
  const auto b2 = write(tmp.path() / "data_batch_2.bin", cifar_record(0, 3));
  const std::vector<fs::path> files = {b1, b2};
  const ImageSet set = read_cifar10_binary(files);
  EXPECT_EQ(set.count, 3u);
  EXPECT_EQ(set.channels, 3);
  EXPECT_EQ(set.height, 32);
  EXPECT_EQ(set.width, 32);
  EXPECT_EQ(set.labels, (std::vector<int>{3, 9, 0}));
  ASSERT_EQ(set.classes.size(), 10u);
  EXPECT_EQ(set.classes.front(), "airplane");
  EXPECT_EQ(set.classes[3], "cat");
  EXPECT_EQ(set.classes.back(), "truck");
  for (int i = 0; i < 3; ++i) {
    const auto img = set.image(static_cast<std::size_t>(i));
    EXPECT_EQ(Bytes(img.begin(), img.end()), ramp(3072, i + 1)) << i;
  }

  const auto meta = write(tmp.path() / "batches.meta.txt",
                          {'a',  '\n', 'b',  '\r', '\n', 'c', '\n', 'd', '\n', 'e', '\n', 'f',
                           '\n', 'g',  '\n', 'h',  '\n', 'i', '\n', ' ', 'j',  ' ', '\n', '\n'});
  const ImageSet named = read_cifar10_binary(files, meta);
  EXPECT_EQ(named.classes,
            (std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}));
}

TEST(ReadCifar10, RejectsBadFilesNamingThem) {
  struct Case {
    const char* name;
    Bytes batch;
    Bytes meta;  // written when non-empty
    bool blame_meta;
    ErrorCode code;
    std::string fragment;
  };
  const Bytes good = concat(cifar_record(1, 0), cifar_record(2, 0));
  const std::vector<Case> cases = {
      {"short record", cut(good, 1), {}, false, ErrorCode::kParse, "truncated: 6145 bytes"},
      {"empty", {}, {}, false, ErrorCode::kParse, "not a positive multiple"},
      {"label 10",
       concat(cifar_record(1, 0), cifar_record(10, 0)),
       {},
       false,
       ErrorCode::kParse,
       "record 1: label 10"},
      {"nine names",
       good,
       {'a', '\n', 'b', '\n', 'c', '\n', 'd', '\n', 'e', '\n', 'f', '\n', 'g', '\n', 'h', '\n', 'i',
        '\n'},
       true,
       ErrorCode::kParse,
       "expected 10 class names, found 9"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    testing::TempDir tmp;
    const auto ok = write(tmp.path() / "data_batch_1.bin", good);
    const auto bad = write(tmp.path() / "data_batch_2.bin", c.batch);
    const auto meta = c.meta.empty() ? fs::path() : write(tmp.path() / "batches.meta.txt", c.meta);
    const std::vector<fs::path> files = {ok, bad};
    expect_error([&] { read_cifar10_binary(files, meta); }, c.code, c.blame_meta ? meta : bad,
                 c.fragment);
  }
}

TEST(ReadCifar10, RejectsMissingAndNoFiles) {
  testing::TempDir tmp;
  const std::vector<fs::path> missing = {tmp.path() / "data_batch_1.bin"};
  expect_error([&] { read_cifar10_binary(missing); }, ErrorCode::kIo, missing[0], "not found");
  try {
    read_cifar10_binary({});
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

// --- image folders --------------------------------------------------------------------------

TEST(ReadImageFolder, RoundTripsPngAndBmpByClass) {
  testing::TempDir tmp;
  const fs::path root = tmp.path() / "root";
  const Bytes a = ramp(4 * 3 * 3, 1), b = ramp(4 * 3 * 3, 2), c = ramp(4 * 3 * 3, 3);
  write_image(root / "dog" / "c.bmp", 4, 3, 3, c);
  write_image(root / "cat" / "b.PNG", 4, 3, 3, b);
  write_image(root / "cat" / "a.png", 4, 3, 3, a);
  write(root / "cat" / "notes.txt", {'x'});
  write(root / "README", {'x'});
  write_image(root / ".hidden" / "z.png", 9, 9, 3, ramp(9 * 9 * 3));
  const ImageSet set = read_image_folder(root);
  EXPECT_EQ(set.count, 3u);
  EXPECT_EQ(set.channels, 3);
  EXPECT_EQ(set.height, 3);
  EXPECT_EQ(set.width, 4);
  EXPECT_EQ(set.classes, (std::vector<std::string>{"cat", "dog"}));
  EXPECT_EQ(set.labels, (std::vector<int>{0, 0, 1}));
  EXPECT_EQ(set.pixels, concat(concat(to_chw(a, 3, 3, 4), to_chw(b, 3, 3, 4)), to_chw(c, 3, 3, 4)));
}

TEST(ReadImageFolder, ChannelsFromFirstImageOrForced) {
  struct Case {
    const char* name;
    int comp;       // components written
    int requested;  // channels argument
    int expected;
  };
  const Case cases[] = {{"grey auto", 1, 0, 1},
                        {"grey+alpha auto", 2, 0, 1},
                        {"rgba auto", 4, 0, 3},
                        {"grey forced rgb", 1, 3, 3},
                        {"rgb forced grey", 3, 1, 1}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    testing::TempDir tmp;
    const Bytes pixels = ramp(static_cast<std::size_t>(2 * 2 * c.comp), 5);
    write_image(tmp.path() / "only" / "x.png", 2, 2, c.comp, pixels);
    const ImageSet set = read_image_folder(tmp.path(), c.requested);
    EXPECT_EQ(set.channels, c.expected);
    ASSERT_EQ(set.pixels.size(), static_cast<std::size_t>(4 * c.expected));
    if (c.comp == 1 && c.expected == 3) {  // grey replicated into R, G, B planes
      for (int k = 0; k < 3; ++k) {
        EXPECT_EQ(Bytes(set.pixels.begin() + 4 * k, set.pixels.begin() + 4 * k + 4), pixels);
      }
    }
    if (c.comp == 4 && c.expected == 3) {  // alpha dropped
      EXPECT_EQ(set.pixels[0], pixels[0]);
      EXPECT_EQ(set.pixels[4], pixels[1]);
      EXPECT_EQ(set.pixels[8], pixels[2]);
    }
  }
}

TEST(ReadImageFolder, RejectsBadFoldersNamingTheFile) {
  struct Case {
    const char* name;
    std::function<fs::path(const fs::path&)> make;  // builds under root, returns blamed path
    int channels;
    ErrorCode code;
    std::string fragment;
  };
  const std::vector<Case> cases = {
      {"undecodable",
       [](const fs::path& root) {
         write_image(root / "a" / "1.png", 2, 2, 1, ramp(4));
         return write(root / "a" / "2.png", {'n', 'o', 't', ' ', 'p', 'n', 'g'});
       },
       0, ErrorCode::kParse, "cannot decode image"},
      {"truncated png",
       [](const fs::path& root) {
         const auto p = write_image(root / "a" / "1.png", 8, 8, 3, ramp(192));
         const std::string bytes = testing::read_file(p);
         return write(p, Bytes(bytes.begin(), bytes.begin() + 40));
       },
       0, ErrorCode::kParse, "cannot decode image"},
      {"mixed sizes",
       [](const fs::path& root) {
         write_image(root / "a" / "1.png", 2, 2, 1, ramp(4));
         return write_image(root / "b" / "1.png", 3, 2, 1, ramp(6));
       },
       0, ErrorCode::kParse, "image is 3x2 (WxH) but the first image is 2x2"},
      {"no class folders",
       [](const fs::path& root) {
         write_image(root / "loose.png", 2, 2, 1, ramp(4));
         return root;
       },
       0, ErrorCode::kParse, "no class sub-folders"},
      {"empty class folder",
       [](const fs::path& root) {
         write_image(root / "a" / "1.png", 2, 2, 1, ramp(4));
         fs::create_directories(root / "b");
         write(root / "b" / "notes.txt", {'x'});
         return root / "b";
       },
       0, ErrorCode::kParse, "class folder has no"},
      {"missing root", [](const fs::path& root) { return root / "nowhere"; }, 0, ErrorCode::kIo,
       "not found"},
      {"two channels",
       [](const fs::path& root) {
         write_image(root / "a" / "1.png", 2, 2, 1, ramp(4));
         return root;
       },
       2, ErrorCode::kInvalidArgument, "channels must be 0, 1 or 3"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    testing::TempDir tmp;
    fs::create_directories(tmp.path() / "root");
    const fs::path blamed = c.make(tmp.path() / "root");
    const fs::path root = c.name == std::string("missing root") ? blamed : tmp.path() / "root";
    expect_error([&] { read_image_folder(root, c.channels); }, c.code, blamed, c.fragment);
  }
}

// --- read_image_dataset ---------------------------------------------------------------------

TEST(ReadImageDataset, FindsEachLayout) {
  struct Case {
    const char* name;
    std::function<void(const fs::path&)> make;
    std::string split;
    std::size_t count;
    std::vector<int> labels;
    int channels;
  };
  const std::vector<Case> cases = {
      {"mnist test is t10k",
       [](const fs::path& d) {
         write(d / "t10k-images-idx3-ubyte.gz", gzip(idx_images(3, 2, 3, kPixels)));
         write(d / "t10k-labels-idx1-ubyte.gz", gzip(idx_labels(kLabels)));
         write(d / "train-labels-idx1-ubyte.gz", gzip(idx_labels({5})));  // lone, other split
       },
       "test",
       3,
       {1, 0, 2},
       1},
      {"idx train raw",
       [](const fs::path& d) {
         write(d / "train-images-idx3-ubyte", idx_images(1, 1, 1, {9}));
         write(d / "train-labels-idx1-ubyte", idx_labels({4}));
       },
       "train",
       1,
       {4},
       1},
      {"cifar train ordered by number",
       [](const fs::path& d) {
         write(d / "data_batch_10.bin", cifar_record(7, 0));
         write(d / "data_batch_2.bin", cifar_record(2, 0));
         write(d / "data_batch_1.bin", cifar_record(1, 0));
         write(d / "test_batch.bin", cifar_record(5, 0));
       },
       "train",
       3,
       {1, 2, 7},
       3},
      {"cifar test in sub-folder",
       [](const fs::path& d) {
         write(d / "cifar-10-batches-bin" / "test_batch.bin", cifar_record(5, 0));
       },
       "test",
       1,
       {5},
       3},
      {"folder split",
       [](const fs::path& d) {
         write_image(d / "test" / "x" / "1.png", 2, 2, 1, ramp(4));
         write_image(d / "test" / "y" / "1.png", 2, 2, 1, ramp(4));
         write_image(d / "train" / "x" / "1.png", 2, 2, 1, ramp(4));
       },
       "test",
       2,
       {0, 1},
       1},
      {"flat folder is train",
       [](const fs::path& d) { write_image(d / "x" / "1.png", 2, 2, 3, ramp(12)); },
       "train",
       1,
       {0},
       3},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    testing::TempDir tmp;
    c.make(tmp.path());
    const ImageSet set = read_image_dataset(tmp.path(), c.split);
    EXPECT_EQ(set.count, c.count);
    EXPECT_EQ(set.labels, c.labels);
    EXPECT_EQ(set.channels, c.channels);
  }
}

TEST(ReadImageDataset, RejectsWithWhatWasLookedFor) {
  struct Case {
    const char* name;
    std::function<fs::path(const fs::path&)> make;  // returns the blamed path
    std::string split;
    ErrorCode code;
    std::string fragment;
  };
  const std::vector<Case> cases = {
      {"empty", [](const fs::path& d) { return d; }, "test", ErrorCode::kIo,
       "looked for: t10k-images-idx3-ubyte, t10k-images-idx3-ubyte.gz"},
      {"lone images file",
       [](const fs::path& d) {
         return write(d / "train-images-idx3-ubyte.gz", gzip(idx_images(1, 1, 1, {9})));
       },
       "train", ErrorCode::kIo, "not its labels file"},
      {"flat folder has no test split",
       [](const fs::path& d) {
         write_image(d / "x" / "1.png", 2, 2, 1, ramp(4));
         return d;
       },
       "test", ErrorCode::kIo, "test_batch.bin"},
      {"missing", [](const fs::path& d) { return d / "nope"; }, "train", ErrorCode::kIo,
       "not found"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    testing::TempDir tmp;
    const fs::path blamed = c.make(tmp.path());
    const fs::path dir = c.name == std::string("missing") ? blamed : tmp.path();
    expect_error([&] { read_image_dataset(dir, c.split); }, c.code, blamed, c.fragment);
  }
}

// --- encode_png, image() --------------------------------------------------------------------

TEST(EncodePng, DecodesBackToTheSamePixels) {
  struct Case {
    int c, h, w;
  };
  const Case cases[] = {{1, 28, 28}, {3, 5, 7}, {4, 2, 3}, {1, 1, 1}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.c * 10000 + c.h * 100 + c.w);
    const Bytes chw = ramp(static_cast<std::size_t>(c.c * c.h * c.w), 11);
    const std::string png = encode_png(chw, c.c, c.h, c.w);
    ASSERT_GT(png.size(), 8u);
    EXPECT_EQ(png.substr(1, 3), "PNG");
    int w = 0, h = 0, comp = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> decoded(
        stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(png.data()),
                              static_cast<int>(png.size()), &w, &h, &comp, 0),
        stbi_image_free);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(w, c.w);
    EXPECT_EQ(h, c.h);
    EXPECT_EQ(comp, c.c);
    const Bytes hwc(decoded.get(), decoded.get() + chw.size());
    EXPECT_EQ(to_chw(hwc, c.c, c.h, c.w), chw);
  }
}

TEST(EncodePng, RejectsBadShapes) {
  struct Case {
    std::size_t bytes;
    int c, h, w;
  };
  const Case cases[] = {{4, 0, 2, 2}, {20, 5, 2, 2}, {3, 1, 2, 2}, {5, 1, 2, 2}, {0, 1, 0, 0}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.bytes);
    const Bytes chw(c.bytes);
    try {
      encode_png(chw, c.c, c.h, c.w);
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
}

TEST(ImageSet, ImageIndexOutOfRangeThrows) {
  ImageSet set;
  set.count = 1;
  set.channels = set.height = set.width = 1;
  set.pixels = {42};
  set.labels = {0};
  EXPECT_EQ(set.image(0)[0], 42);
  try {
    set.image(1);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace secnlp::corpora
