#!/usr/bin/python3
"""Writes one synthetic 2-channel uint16 volume in every image layout coloc reads, with the tools users have.

    /usr/bin/python3 make_images.py OUT_DIR [Z Y X]

OUT_DIR/planes/C00, C01   one 2-D TIFF per z (tifffile, ImageJ resolution/spacing tags), names Z0..Z{n} unpadded
OUT_DIR/vol.ome.tif       OME-TIFF (tifffile, axes ZCYX, PhysicalSizeZ/Y/X in µm)
OUT_DIR/vol.ims           Imaris 5.5 HDF5 layout (h5py), chunked and gzip-compressed, data padded to whole chunks
OUT_DIR/vol.h5 + vol.xml  BigDataViewer HDF5 + SpimData XML (h5py), 2 resolution levels, int16 cells
OUT_DIR/vol.npy           the volume itself, c,z,y,x
Voxel size z,y,x = 4, 2, 2 µm everywhere. See README.md beside this script for the documents followed.
"""
import os
import sys

import h5py
import numpy as np
import tifffile

RES_ZYX = (4.0, 2.0, 2.0)


def volume(shape, seed=7):
    """Two channels of Gaussian spots on a noisy background (deterministic); each spot is added in its own window."""
    rng = np.random.default_rng(seed)
    out = []
    for c in range(2):
        v = 800 + rng.normal(0, 60, shape)
        for _ in range(max(4, shape[0] * shape[1] * shape[2] // 6000)):
            cz, cy, cx = (rng.uniform(2, s - 2) for s in shape)
            r = rng.uniform(3.0, 4.5)
            peak = rng.uniform(20000, 40000)
            h = (int(2 * r * RES_ZYX[1] / RES_ZYX[0]) + 2, int(3 * r) + 2, int(3 * r) + 2)
            lo = [max(0, int(p) - k) for p, k in zip((cz, cy, cx), h)]
            hi = [min(s, int(p) + k + 1) for p, k, s in zip((cz, cy, cx), h, shape)]
            z, y, x = np.mgrid[lo[0]:hi[0], lo[1]:hi[1], lo[2]:hi[2]]
            v[lo[0]:hi[0], lo[1]:hi[1], lo[2]:hi[2]] += peak * np.exp(
                -(((z - cz) * RES_ZYX[0] / RES_ZYX[1]) ** 2 + (y - cy) ** 2 + (x - cx) ** 2) / (2 * r * r))
        out.append(np.clip(v, 0, 65535).astype(np.uint16))
    return np.stack(out)


def planes(out, vol):
    for c in range(vol.shape[0]):
        d = os.path.join(out, "planes", f"C{c:02d}")
        os.makedirs(d, exist_ok=True)
        for z in range(vol.shape[1]):
            tifffile.imwrite(os.path.join(d, f"Z{z}.tif"), vol[c, z], imagej=True,
                             resolution=(1 / RES_ZYX[2], 1 / RES_ZYX[1]), metadata={"unit": "um", "spacing": RES_ZYX[0]})


def ome(out, vol):
    tifffile.imwrite(os.path.join(out, "vol.ome.tif"), vol.transpose(1, 0, 2, 3), metadata={
        "axes": "ZCYX", "PhysicalSizeZ": RES_ZYX[0], "PhysicalSizeY": RES_ZYX[1], "PhysicalSizeX": RES_ZYX[2],
        "PhysicalSizeZUnit": "µm", "PhysicalSizeYUnit": "µm", "PhysicalSizeXUnit": "µm"})


def chars(text):
    """Imaris stores every string attribute as an array of 1-byte strings."""
    return np.array(list(str(text)), dtype="|S1")


def ims(out, vol, chunk=(8, 16, 16)):
    nc, nz, ny, nx = vol.shape
    with h5py.File(os.path.join(out, "vol.ims"), "w") as f:
        for k, v in {"ImarisDataSet": "ImarisDataSet", "ImarisVersion": "5.5.0", "DataSetInfoDirectoryName": "DataSetInfo",
                     "ThumbnailDirectoryName": "Thumbnail", "DataSetDirectoryName": "DataSet"}.items():
            f.attrs[k] = chars(v)
        f.attrs["NumberOfDataSets"] = np.array([1], dtype=np.uint32)
        info = f.create_group("DataSetInfo/Image")
        for k, v in {"X": nx, "Y": ny, "Z": nz, "Unit": "um", "Noc": nc,
                     "ExtMin0": 0, "ExtMin1": 0, "ExtMin2": 0,
                     "ExtMax0": nx * RES_ZYX[2], "ExtMax1": ny * RES_ZYX[1], "ExtMax2": nz * RES_ZYX[0]}.items():
            info.attrs[k] = chars(v)
        f.create_group("DataSetInfo/TimeInfo").attrs["DatasetTimePoints"] = chars(1)
        for c in range(nc):
            f.create_group(f"DataSetInfo/Channel {c}").attrs["Name"] = chars(f"ch{c}")
            g = f.create_group(f"DataSet/ResolutionLevel 0/TimePoint 0/Channel {c}")
            padded = tuple(-(-s // k) * k for s, k in zip(vol.shape[1:], chunk))
            data = np.zeros(padded, np.uint16)
            data[:nz, :ny, :nx] = vol[c]
            g.create_dataset("Data", data=data, chunks=chunk, compression="gzip", compression_opts=2)
            for k, v in {"ImageSizeX": nx, "ImageSizeY": ny, "ImageSizeZ": nz,
                         "ImageBlockSizeX": chunk[2], "ImageBlockSizeY": chunk[1], "ImageBlockSizeZ": chunk[0]}.items():
                g.attrs[k] = chars(v)
            hist, _ = np.histogram(vol[c], bins=256, range=(0, 65536))
            g.create_dataset("Histogram", data=hist.astype(np.uint64))
            # A second, halved level, as Imaris writes; coloc reads level 0.
            g1 = f.create_group(f"DataSet/ResolutionLevel 1/TimePoint 0/Channel {c}")
            g1.create_dataset("Data", data=vol[c][::2, ::2, ::2], chunks=True)


def bdv(out, vol, chunk=(8, 16, 16)):
    nc, nz, ny, nx = vol.shape
    with h5py.File(os.path.join(out, "vol.h5"), "w") as f:
        for c in range(nc):
            f.create_dataset(f"s{c:02d}/resolutions", data=np.array([[1, 1, 1], [2, 2, 2]], np.float64))
            f.create_dataset(f"s{c:02d}/subdivisions", data=np.array([chunk[::-1], chunk[::-1]], np.int32))
            # BigDataViewer stores unsigned 16-bit pixels in int16 datasets (same bits).
            f.create_dataset(f"t00000/s{c:02d}/0/cells", data=vol[c].view(np.int16), chunks=chunk)
            f.create_dataset(f"t00000/s{c:02d}/1/cells", data=vol[c][::2, ::2, ::2].view(np.int16), chunks=True)
    setups = "".join(f"""
      <ViewSetup><id>{c}</id><name>channel {c}</name><size>{nx} {ny} {nz}</size>
        <voxelSize><unit>µm</unit><size>{RES_ZYX[2]} {RES_ZYX[1]} {RES_ZYX[0]}</size></voxelSize>
        <attributes><illumination>0</illumination><channel>{c}</channel><tile>0</tile><angle>0</angle></attributes>
      </ViewSetup>""" for c in range(nc))
    regs = "".join(f"""
    <ViewRegistration timepoint="0" setup="{c}"><ViewTransform type="affine"><affine>{RES_ZYX[2]} 0 0 0 0 {RES_ZYX[1]} 0 0 0 0 {RES_ZYX[0]} 0</affine></ViewTransform></ViewRegistration>""" for c in range(nc))
    with open(os.path.join(out, "vol.xml"), "w", encoding="utf-8") as x:
        x.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<SpimData version="0.2">
  <BasePath type="relative">.</BasePath>
  <SequenceDescription>
    <ImageLoader format="bdv.hdf5"><hdf5 type="relative">vol.h5</hdf5></ImageLoader>
    <ViewSetups>{setups}
    </ViewSetups>
    <Timepoints type="range"><first>0</first><last>0</last></Timepoints>
  </SequenceDescription>
  <ViewRegistrations>{regs}
  </ViewRegistrations>
</SpimData>
""")


def main():
    out = sys.argv[1]
    shape = tuple(int(a) for a in sys.argv[2:5]) if len(sys.argv) >= 5 else (20, 40, 36)
    os.makedirs(out, exist_ok=True)
    vol = volume(shape)
    np.save(os.path.join(out, "vol.npy"), vol)
    planes(out, vol)
    ome(out, vol)
    ims(out, vol)
    bdv(out, vol)


if __name__ == "__main__":
    main()
